# Installs the Debian packages the project needs that are missing (apt-get update only then).
# Usage: source it, then `ensure_system_packages [extra packages…]`.

CHATBOT_SYSTEM_PACKAGES=(pkg-config libopenblas-dev libpq-dev libsqlite3-dev libedit-dev)

ensure_system_packages() {
  local wanted=("${CHATBOT_SYSTEM_PACKAGES[@]}" "$@") missing=() package
  for package in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing missing Debian packages: ${missing[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}
