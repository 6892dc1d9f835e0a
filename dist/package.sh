#!/usr/bin/env bash
# Makes the packages a person installs, from the checked-out commit:
#
#   huibao-VERSION-windows-x64.zip       unzip and run huibao.exe (no installer)
#   huibao_VERSION_amd64.deb             dpkg -i; /usr/bin/huibao, /usr/share/huibao/fonts,
#   huibao_VERSION_arm64.deb             /usr/lib/huibao/plugins, the guide, huibao(1)
#   huibao-VERSION-linux-x86_64.tar.gz   unpack and run ./huibao (other Linux systems)
#   huibao-VERSION-linux-aarch64.tar.gz
#   SHA256SUMS
#
#   bash dist/package.sh [--profile release|debug] [--out DIR] [--skip-build]
#
# Release builds by default; CI packages the debug builds its tests already made
# (--profile debug). Reproducible: every file's time is SOURCE_DATE_EPOCH (default: the
# commit's time), entries are sorted, owners are root, and gzip, zip and dpkg-deb write
# no time of their own, so two runs from one commit (in the same folder, with the same
# toolchain) give the same bytes. Needs cargo with the rustup targets
# x86_64-pc-windows-gnu and aarch64-unknown-linux-gnu, Debian's gcc-mingw-w64-x86-64 and
# gcc-aarch64-linux-gnu (their strip too), dpkg-deb, tar, gzip and python3
# (tests/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

profile=release
out=""
build=1
while [ $# -gt 0 ]; do
  case $1 in
  --profile)
    profile=$2
    shift 2
    ;;
  --out)
    out=$2
    shift 2
    ;;
  --skip-build)
    build=0
    shift
    ;;
  *)
    echo "usage: dist/package.sh [--profile release|debug] [--out DIR] [--skip-build]" >&2
    exit 2
    ;;
  esac
done
target_dir=$(mkdir -p "${CARGO_TARGET_DIR:-target}" && cd "${CARGO_TARGET_DIR:-target}" && pwd)
out=${out:-$target_dir/dist}
profile_dir=$profile
[ "$profile" = dev ] && profile_dir=debug
[ "$profile" = debug ] && profile=dev

version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
[ -n "$version" ] || {
  echo "no version in Cargo.toml's [workspace.package]" >&2
  exit 1
}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
export TZ=UTC LC_ALL=C.UTF-8
umask 022

# The crates tests/cross/run.sh builds too (the test plugin `faulty` is never packaged):
# the same set, so packages made after the tests reuse their builds.
crates=(-p huibao -p huibao-plugin-fund -p huibao-plugin-party -p huibao-plugin-faulty)
native=x86_64-unknown-linux-gnu
arm=aarch64-unknown-linux-gnu
win=x86_64-pc-windows-gnu
if [ $build = 1 ]; then
  cargo build --profile "$profile" "${crates[@]}"
  for triple in $arm $win; do
    cargo build --profile "$profile" --target "$triple" "${crates[@]}"
  done
fi
# bin TRIPLE FILE: a file of that target's build (the host's build has no triple folder).
bin() {
  if [ "$1" = $native ]; then echo "$target_dir/$profile_dir/$2"; else echo "$target_dir/$1/$profile_dir/$2"; fi
}
for f in "$(bin $native huibao)" "$(bin $arm huibao)" "$(bin $win huibao.exe)"; do
  [ -f "$f" ] || {
    echo "$f is missing: build it, or run without --skip-build" >&2
    exit 1
  }
done

stage=$out/.stage
rm -rf "$out" && mkdir -p "$stage"

# guide DEST: the Chinese user guide (docs/) built to HTML pages in DEST, to open in a
# browser (DEST/index.html); docs/build.py needs markdown-it-py (tests/install-deps.sh).
guide() {
  python3 docs/build.py --out "$1" >/dev/null
}

# The files of every package: licences, the examples, the fonts with their licences, the
# user guide as HTML (用户指南/index.html).
common() {
  local dest=$1
  mkdir -p "$dest"
  cp LICENSE-APACHE LICENSE-MIT README.md "$dest/"
  cp -r examples "$dest/examples"
  guide "$dest/用户指南"
}
fonts() {
  mkdir -p "$1"
  cp fonts/* "$1/"
}

# strip_for TRIPLE FILE…: the symbols and debug information of that target's programs and
# libraries removed (the exported plugin symbol stays), as people download them.
strip_for() {
  local tool=strip
  case $1 in
  $arm) tool=aarch64-linux-gnu-strip ;;
  $win) tool=x86_64-w64-mingw32-strip ;;
  esac
  shift
  "$tool" --strip-unneeded "$@"
}

# Every file's time and mode fixed, for reproducible archives.
normalize() {
  find "$1" -type d -exec chmod 0755 {} +
  find "$1" -type f -exec chmod 0644 {} +
  find "$1" -type f \( -name huibao -o -name '*.so' -o -name '*.exe' -o -name '*.dll' \) -exec chmod 0755 {} +
  find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
}

# tarball DIR NAME: NAME.tar.gz of DIR (sorted, root-owned, SOURCE_DATE_EPOCH times).
tarball() {
  tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    --format=gnu -C "$(dirname "$1")" -cf - "$(basename "$1")" | gzip -9 -n >"$out/$2.tar.gz"
}

# zipfile DIR NAME: NAME.zip of DIR, entries sorted, times SOURCE_DATE_EPOCH.
zipfile() {
  python3 - "$1" "$out/$2.zip" <<'EOF'
import os, sys, time, zipfile
src, dest = sys.argv[1], sys.argv[2]
stamp = time.gmtime(max(int(os.environ["SOURCE_DATE_EPOCH"]), 315532800))[:6]
base = os.path.dirname(src)
entries = []
for folder, dirs, files in os.walk(src):
    entries.append(os.path.relpath(folder, base) + "/")
    entries += [os.path.relpath(os.path.join(folder, f), base) for f in files]
with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    for name in sorted(entries):
        info = zipfile.ZipInfo(name.replace(os.sep, "/"), stamp)
        info.create_system = 3
        if name.endswith("/"):
            info.external_attr = (0o40755 << 16) | 0x10
            z.writestr(info, b"")
        else:
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(os.path.join(base, name), "rb") as f:
                z.writestr(info, f.read())
EOF
}

# --- Windows: a folder to unzip anywhere -------------------------------------------------
dir=$stage/huibao-$version-windows-x64
common "$dir"
fonts "$dir/fonts"
cp "$(bin $win huibao.exe)" "$dir/"
mkdir -p "$dir/plugins"
cp "$(bin $win huibao_plugin_fund.dll)" "$(bin $win huibao_plugin_party.dll)" "$dir/plugins/"
strip_for $win "$dir/huibao.exe" "$dir"/plugins/*.dll
cp dist/windows/使用说明.txt "$dir/"
# Windows' Notepad reads a file without a BOM in the local code page, not UTF-8.
for f in "$dir"/使用说明.txt; do
  printf '\xef\xbb\xbf' | cat - "$f" | sed 's/$/\r/' >"$f.crlf" && mv "$f.crlf" "$f"
done
normalize "$dir"
zipfile "$dir" "huibao-$version-windows-x64"

# --- Linux tarballs: a folder to unpack anywhere ----------------------------------------
for pair in "$native:x86_64" "$arm:aarch64"; do
  triple=${pair%%:*}
  dir=$stage/huibao-$version-linux-${pair##*:}
  common "$dir"
  fonts "$dir/fonts"
  cp "$(bin "$triple" huibao)" "$dir/"
  mkdir -p "$dir/plugins"
  cp "$(bin "$triple" libhuibao_plugin_fund.so)" "$(bin "$triple" libhuibao_plugin_party.so)" "$dir/plugins/"
  strip_for "$triple" "$dir/huibao" "$dir"/plugins/*.so
  normalize "$dir"
  tarball "$dir" "huibao-$version-linux-${pair##*:}"
done

# --- Debian packages ---------------------------------------------------------------------
man_page=$stage/huibao.1
"$(bin $native huibao)" man >"$man_page"
for pair in "$native:amd64" "$arm:arm64"; do
  triple=${pair%%:*}
  arch=${pair##*:}
  dir=$stage/deb-$arch
  mkdir -p "$dir/DEBIAN" "$dir/usr/bin" "$dir/usr/lib/huibao/plugins" "$dir/usr/share/man/man1" "$dir/usr/share/doc/huibao"
  cp "$(bin "$triple" huibao)" "$dir/usr/bin/"
  cp "$(bin "$triple" libhuibao_plugin_fund.so)" "$(bin "$triple" libhuibao_plugin_party.so)" "$dir/usr/lib/huibao/plugins/"
  strip_for "$triple" "$dir/usr/bin/huibao" "$dir"/usr/lib/huibao/plugins/*.so
  fonts "$dir/usr/share/huibao/fonts"
  gzip -9 -n <"$man_page" >"$dir/usr/share/man/man1/huibao.1.gz"
  # The desktop's application menu (UOS, Kylin): the editor's start page, in a terminal
  # window whose closing stops it.
  mkdir -p "$dir/usr/share/applications"
  cp dist/debian/huibao.desktop "$dir/usr/share/applications/"
  doc=$dir/usr/share/doc/huibao
  cp README.md "$doc/"
  cp -r examples "$doc/examples"
  guide "$doc/guide"
  sed "s/@YEAR@/$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y)/" dist/debian/copyright >"$doc/copyright"
  size=$(du -sk --exclude=DEBIAN "$dir" | cut -f1)
  sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" dist/debian/control >"$dir/DEBIAN/control"
  normalize "$dir"
  (cd "$dir" && find usr -type f | LC_ALL=C sort | xargs md5sum >DEBIAN/md5sums)
  normalize "$dir"
  dpkg-deb --root-owner-group -Zxz --build "$dir" "$out/huibao_${version}_$arch.deb" >/dev/null
done

rm -rf "$stage"
(cd "$out" && sha256sum -- *.zip *.deb *.tar.gz >SHA256SUMS)
echo "packages in $out:"
(cd "$out" && ls -l --time-style=+ -- * | awk '{print "  " $NF " (" $5 " bytes)"}')
