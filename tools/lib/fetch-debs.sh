# Shared by fetch-corpus.sh and fetch-dev-corpus.sh (sourced, not run).
# fetch_debs NAME TARGET PACKAGE...
#   Downloads each Debian package with `apt-get download` (no install, no maintainer scripts, no
#   dependencies) and unpacks it with `dpkg -x` into TARGET/<package>/, writing
#   TARGET/<package>/.fetched ("<package> <version>"). Idempotent: a package whose .fetched
#   exists is skipped, and `apt-get update` runs once, only when something is missing. A package
#   is unpacked into <package>.partial and renamed at the end, so an interrupted run leaves no
#   half-unpacked folder that looks complete. NAME prefixes the messages.
fetch_debs() {
  local name="$1" target="$2"
  shift 2
  local tool pkg deb version n
  for tool in apt-get dpkg dpkg-deb; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "$name: '$tool' is missing: this script needs a Debian-based system" >&2
      return 1
    fi
  done
  mkdir -p "$target"

  local missing=()
  for pkg in "$@"; do
    if [ -f "$target/$pkg/.fetched" ]; then
      echo "$name: $pkg already in $target/$pkg ($(cat "$target/$pkg/.fetched")), skipping"
    else
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "$name: nothing to do"
    return 0
  fi

  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "$name: 'apt-get update' needs root (or sudo)" >&2
      return 1
    fi
  fi
  echo "$name: apt-get update"
  $sudo apt-get update -qq

  local tmp
  tmp="$(mktemp -d)"
  chmod 777 "$tmp"   # apt-get download may drop privileges to the _apt user
  for pkg in "${missing[@]}"; do
    echo "$name: downloading $pkg"
    if ! (cd "$tmp" && apt-get download -qq "$pkg"); then
      echo "$name: could not download '$pkg' (is it in this system's apt sources?)" >&2
      rm -rf "$tmp"; return 1
    fi
    deb="$(ls "$tmp"/"${pkg}"_*.deb 2>/dev/null | head -n 1 || true)"
    if [ -z "$deb" ]; then
      echo "$name: apt-get download gave no .deb for '$pkg'" >&2
      rm -rf "$tmp"; return 1
    fi
    rm -rf "$target/$pkg.partial"
    mkdir -p "$target/$pkg.partial"
    dpkg -x "$deb" "$target/$pkg.partial"
    version="$(dpkg-deb -f "$deb" Version)"
    echo "$pkg $version" > "$target/$pkg.partial/.fetched"
    rm -rf "$target/$pkg"
    mv "$target/$pkg.partial" "$target/$pkg"
    rm -f "$deb"
    n="$(find "$target/$pkg" -name '*.php' | wc -l)"
    echo "$name: $pkg $version unpacked into $target/$pkg ($n .php files)"
  done
  rm -rf "$tmp"
  echo "$name: done"
}
