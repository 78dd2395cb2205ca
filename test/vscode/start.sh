#!/usr/bin/env bash
# `npm start`: Parallax in a real VS Code (code-server, VS Code 1.139.1) on 127.0.0.1, with a
# workspace holding a copy of the sample corpus. Open the printed URL in a browser; Ctrl+C stops.
# PARALLAX_PORT picks the port (default 8080); state is kept in .code-server/ between runs.
set -euo pipefail
source "$(dirname "$0")/codeServer.sh"
cd "$ROOT"
bash scripts/setup.sh
npm run -s build

HOME_DIR="$ROOT/.code-server"
WORKSPACE="$HOME_DIR/workspace"
mkdir -p "$HOME_DIR/user-data/User" "$HOME_DIR/extensions"
[ -d "$WORKSPACE/corpus" ] || { mkdir -p "$WORKSPACE" && cp -r corpus "$WORKSPACE/corpus"; }
[ -f "$HOME_DIR/user-data/User/settings.json" ] || cp test/vscode/settings.json "$HOME_DIR/user-data/User/settings.json"

npx vsce package --no-dependencies --skip-license -o "$HOME_DIR/parallax.vsix" >/dev/null
code_server "$HOME_DIR" --install-extension "$HOME_DIR/parallax.vsix" --force >/dev/null

PORT=${PARALLAX_PORT:-8080}
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$HOME_DIR/config.yaml"
echo
echo "Parallax is running in VS Code at: http://127.0.0.1:$PORT/?folder=$WORKSPACE"
echo "(the Parallax icon in the activity bar opens the Articles view; Ctrl+C stops the server)"
echo
exec env PATH="$N24/bin:$PATH" EXTENSIONS_GALLERY='{}' "$CS" --config "$HOME_DIR/config.yaml" \
	--user-data-dir "$HOME_DIR/user-data" --extensions-dir "$HOME_DIR/extensions" \
	--disable-telemetry --disable-update-check "$WORKSPACE"
