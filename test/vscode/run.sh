#!/usr/bin/env bash
# Real-VS-Code tests: starts code-server on 127.0.0.1 and runs
#  (1) the mocha suites of test/integration inside its extension host, then
#  (2) the browser tests of test/e2e against the workbench with the packaged .vsix installed.
# Expects `npm run build` and scripts/setup.sh to have run. Screenshots go to test-results/.
set -uo pipefail
source "$(dirname "$0")/codeServer.sh"
cd "$ROOT"
RESULTS="$ROOT/test-results"
WORK=$(mktemp -d -t parallax-vscode.XXXXXX)
mkdir -p "$RESULTS"
trap 'stop_code_server; cp "$WORK/code-server.log" "$RESULTS/" 2>/dev/null; cp "$WORK/trust/code-server.log" "$RESULTS/code-server-trust.log" 2>/dev/null; rm -rf "$WORK"' EXIT

# Each suite gets a scratch workspace holding a copy of the sample corpus, so tests may edit it.
make_workspace() { mkdir -p "$1" && cp -r "$ROOT/corpus" "$1/corpus"; }
make_workspace "$WORK/ws-integration"
make_workspace "$WORK/ws-ui"

npx vsce package --no-dependencies --skip-license -o "$WORK/parallax.vsix" >/dev/null || exit 1
code_server "$WORK" --install-extension "$WORK/parallax.vsix" >/dev/null || exit 1
start_code_server "$WORK" || exit 1
ORIGIN="http://127.0.0.1:$PORT"

node test/vscode/runIntegration.mjs "$ORIGIN" "$WORK/ws-integration" "$WORK/integration-result.json"
INTEGRATION=$?

UI=0
for test in test/e2e/*.e2e.mjs; do
	# PARALLAX_UI_GREP runs only the UI tests whose file name contains it.
	[[ "$test" == *"${PARALLAX_UI_GREP:-}"* ]] || continue
	node "$test" "$ORIGIN" "$WORK/ws-ui" "$RESULTS" || UI=1
done

# Restricted Mode needs a server that asks about workspace trust, with its own user data.
for test in test/e2e/*.untrusted.mjs; do
	[[ "$test" == *"${PARALLAX_UI_GREP:-}"* ]] || continue
	stop_code_server
	mkdir -p "$WORK/trust"
	code_server "$WORK/trust" --install-extension "$WORK/parallax.vsix" >/dev/null || exit 1
	PORT=
	WORKSPACE_TRUST=1 start_code_server "$WORK/trust" || { cp "$WORK/trust/code-server.log" "$RESULTS/code-server-trust.log"; exit 1; }
	node "$test" "http://127.0.0.1:$PORT" "$WORK/ws-untrusted" "$RESULTS" || UI=1
done

echo "real VS Code: integration rc=$INTEGRATION, UI rc=$UI"
[ "$INTEGRATION" -eq 0 ] && [ "$UI" -eq 0 ]
