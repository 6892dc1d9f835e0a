#!/usr/bin/env bash
# Makes the packages with dist/package.sh (debug builds: the ones tests/cross/run.sh
# made) and checks each as a person would use it:
#
# - packaging twice from the same builds gives the same bytes (SHA256SUMS equal);
# - the Windows zip, unpacked outside the repository, renders under Wine with the fonts
#   and plugin DLLs it carries;
# - the Linux tarball, unpacked outside the repository, renders with its own fonts and
#   plugins;
# - the amd64 .deb installs with dpkg -i; `huibao render` works from an empty folder,
#   fonts from /usr/share/huibao/fonts, plugins from /usr/lib/huibao/plugins; the man
#   page is there; dpkg -r leaves none of its files;
# - the arm64 .deb holds ARM64 executables, which, unpacked, run under qemu-user and find
#   fonts and plugins in the installed layout.
#
# Needs root (dpkg -i), Wine, qemu-user, unzip-free (python3) — tests/install-deps.sh.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
target_dir=$(mkdir -p "${CARGO_TARGET_DIR:-target}" && cd "${CARGO_TARGET_DIR:-target}" && pwd)
out=$target_dir/dist
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export WINEPREFIX=${WINEPREFIX:-$target_dir/cross/wine} WINEDEBUG=-all WINEDLLOVERRIDES="mscoree=;mshtml="
unset HUIBAO_PLUGIN_PATH HUIBAO_FONT_DIR

passed=0
failed=0
ok() {
  echo "ok: $*"
  passed=$((passed + 1))
}
bad() {
  echo "FAIL: $*"
  failed=$((failed + 1))
}
for tool in dpkg dpkg-deb wine qemu-aarch64 python3 pdftotext; do
  command -v "$tool" >/dev/null || bad "$tool is not installed (bash tests/install-deps.sh installs it)"
done
[ "$(id -u)" = 0 ] || bad "dpkg -i needs root"
[ $failed -eq 0 ] || exit 1

version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
started=$(date +%s)
bash dist/package.sh --profile debug --out "$out" || {
  bad "dist/package.sh"
  exit 1
}
bash dist/package.sh --profile debug --out "$out.again" --skip-build >/dev/null || bad "dist/package.sh, again"
if cmp -s "$out/SHA256SUMS" "$out.again/SHA256SUMS"; then
  ok "packaging twice gives the same bytes: $(tr '\n' ' ' <"$out/SHA256SUMS" | awk '{for (i = 2; i <= NF; i += 2) printf "%s ", $i}')"
else
  bad "packaging twice gives different bytes: $(diff "$out/SHA256SUMS" "$out.again/SHA256SUMS")"
fi
rm -rf "$out.again"
(cd "$out" && sha256sum -c --quiet SHA256SUMS) && ok "SHA256SUMS matches the packages" || bad "SHA256SUMS"

scratch=$(mktemp -d /tmp/huibao-packages.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
sample=park-2022h1

# --- the Windows zip --------------------------------------------------------------------
zip=$out/huibao-$version-windows-x64.zip
python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$scratch/win" || bad "unzip $zip"
win=$scratch/win/huibao-$version-windows-x64
missing=""
for f in huibao.exe fonts/FandolFang-Regular.otf fonts/Fandol-COPYING.txt fonts/Liberation-copyright.txt \
  plugins/huibao_plugin_fund.dll plugins/huibao_plugin_party.dll examples/$sample.toml LICENSE-MIT LICENSE-APACHE 使用说明.txt 用户指南/index.html 用户指南/faq.html; do
  [ -f "$win/$f" ] || missing+=" $f"
done
[ -z "$missing" ] && ok "the Windows zip holds huibao.exe, fonts, plugin DLLs, examples, licences, the user guide as HTML" || bad "the Windows zip lacks$missing"
if [ -f "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ]; then
  (cd "$win" && wine huibao.exe render "examples\\plugins-kaifaqu-2022h1.toml" --format pdf,docx,html --out out >"$scratch/win.txt" 2>&1 &&
    wine huibao.exe fonts --no-system-fonts >"$scratch/win-fonts.txt" 2>&1 &&
    wine huibao.exe plugins list >"$scratch/win-plugins.txt" 2>&1)
  if [ -f "$win/out/plugins-kaifaqu-2022h1.pdf" ] && grep -q "huibao-packages.*fonts.FandolFang-Regular.otf" "$scratch/win-fonts.txt" &&
    grep -q "huibao-packages.*plugins.huibao_plugin_fund.dll" "$scratch/win-plugins.txt"; then
    ok "the Windows zip, unpacked outside the repository, renders under Wine with its own fonts and plugins"
  else
    bad "the Windows zip under Wine: $(cat "$scratch"/win*.txt)"
  fi
else
  bad "no Wine prefix with the stand-in bcryptprimitives.dll: run tests/cross/run.sh windows first"
fi

# --- the Linux tarball ------------------------------------------------------------------
tar -xzf "$out/huibao-$version-linux-x86_64.tar.gz" -C "$scratch"
lin=$scratch/huibao-$version-linux-x86_64
(cd "$lin" && ./huibao render examples/plugins-kaifaqu-2022h1.toml --no-system-fonts --format pdf --out out >"$scratch/tar.txt" 2>&1 &&
  ./huibao fonts --no-system-fonts >"$scratch/tar-fonts.txt" 2>&1 && ./huibao plugins list >"$scratch/tar-plugins.txt" 2>&1)
if [ -f "$lin/out/plugins-kaifaqu-2022h1.pdf" ] && grep -q "$lin/fonts/FandolFang-Regular.otf" "$scratch/tar-fonts.txt" &&
  grep -q "$lin/plugins/libhuibao_plugin_fund.so" "$scratch/tar-plugins.txt"; then
  ok "the Linux tarball, unpacked outside the repository, renders with its own fonts and plugins"
else
  bad "the Linux tarball: $(cat "$scratch"/tar*.txt)"
fi

# --- the amd64 .deb ---------------------------------------------------------------------
deb=$out/huibao_${version}_amd64.deb
if dpkg -i "$deb" >"$scratch/dpkg.txt" 2>&1; then
  files=$(dpkg -L huibao)
  empty=$scratch/empty
  mkdir -p "$empty"
  cp /usr/share/doc/huibao/examples/$sample.toml "$empty/"
  (cd "$empty" && huibao render $sample.toml --out . >"$scratch/deb.txt" 2>&1 &&
    huibao fonts --no-system-fonts >"$scratch/deb-fonts.txt" 2>&1 && huibao plugins list >"$scratch/deb-plugins.txt" 2>&1)
  if [ "$(command -v huibao)" = /usr/bin/huibao ] && [ -f "$empty/$sample.docx" ] && [ -f "$empty/$sample.pdf" ] && [ -f "$empty/$sample.html" ] &&
    grep -q "/usr/share/huibao/fonts/FandolFang-Regular.otf" "$scratch/deb-fonts.txt" &&
    grep -q "/usr/lib/huibao/plugins/libhuibao_plugin_fund.so" "$scratch/deb-plugins.txt" &&
    grep -q "/usr/lib/huibao/plugins/libhuibao_plugin_party.so" "$scratch/deb-plugins.txt"; then
    ok "the amd64 .deb installs; huibao renders from an empty folder, fonts from /usr/share/huibao/fonts, plugins from /usr/lib/huibao/plugins"
  else
    bad "the installed huibao: $(cat "$scratch"/deb*.txt)"
  fi
  # The plugins example: native plugins from the installed layout, a template plugin beside it.
  cp -r /usr/share/doc/huibao/examples "$scratch/examples"
  (cd "$scratch/examples" && huibao render plugins-kaifaqu-2022h1.toml --format html --out out >"$scratch/deb-plugins-render.txt" 2>&1)
  [ -f "$scratch/examples/out/plugins-kaifaqu-2022h1.html" ] && grep -q "基金" "$scratch/examples/out/plugins-kaifaqu-2022h1.html" &&
    ok "the installed huibao renders the plugins example with the installed fund and party plugins" ||
    bad "the installed plugins: $(cat "$scratch/deb-plugins-render.txt")"
  zcat /usr/share/man/man1/huibao.1.gz | grep -q '^\.TH huibao 1' && ok "the man page huibao(1) is installed" || bad "no man page"
  grep -qx "Exec=huibao edit" /usr/share/applications/huibao.desktop && ok "the application menu starts the editor (/usr/share/applications/huibao.desktop)" || bad "no menu entry for the editor"
  grep -q "常见错误" /usr/share/doc/huibao/guide/faq.html && ok "the user guide is installed as HTML (/usr/share/doc/huibao/guide/index.html)" || bad "no user guide in /usr/share/doc/huibao/guide"
  dpkg -r huibao >>"$scratch/dpkg.txt" 2>&1 || bad "dpkg -r huibao: $(cat "$scratch/dpkg.txt")"
  left=""
  while IFS= read -r f; do
    case $f in /usr/bin/huibao | /usr/share/huibao* | /usr/lib/huibao* | /usr/share/doc/huibao* | /usr/share/man/man1/huibao.1.gz)
      [ -e "$f" ] && left+=" $f" ;;
    esac
  done <<<"$files"
  status=$(dpkg-query -W -f='${db:Status-Status}' huibao 2>/dev/null || echo not-installed)
  if [ -z "$left" ] && [ "$status" = not-installed ] && ! command -v huibao >/dev/null; then
    ok "dpkg -r huibao leaves nothing ($(echo "$files" | wc -l) paths checked)"
  else
    bad "dpkg -r left$left (status $status)"
  fi
else
  bad "dpkg -i $deb: $(cat "$scratch/dpkg.txt")"
fi

# --- the arm64 .deb ---------------------------------------------------------------------
deb=$out/huibao_${version}_arm64.deb
dpkg-deb -f "$deb" Architecture | grep -qx arm64 || bad "$deb is not Architecture: arm64"
dpkg-deb -x "$deb" "$scratch/arm"
arm=$scratch/arm
elf_machine() { python3 -c 'import sys; d=open(sys.argv[1],"rb").read(20); print(int.from_bytes(d[18:20],"little") if d[:4]==b"\x7fELF" else 0)' "$1"; }
if [ "$(elf_machine "$arm/usr/bin/huibao")" = 183 ] && [ "$(elf_machine "$arm/usr/lib/huibao/plugins/libhuibao_plugin_fund.so")" = 183 ]; then
  (cd "$scratch" && qemu-aarch64 -L /usr/aarch64-linux-gnu "$arm/usr/bin/huibao" fonts --no-system-fonts >"$scratch/arm-fonts.txt" 2>&1 &&
    qemu-aarch64 -L /usr/aarch64-linux-gnu "$arm/usr/bin/huibao" plugins list >"$scratch/arm-plugins.txt" 2>&1)
  if grep -q "$arm/usr/share/huibao/fonts/FandolFang-Regular.otf" "$scratch/arm-fonts.txt" &&
    grep -q "$arm/usr/lib/huibao/plugins/libhuibao_plugin_fund.so" "$scratch/arm-plugins.txt"; then
    ok "the arm64 .deb: ARM64 executables that find fonts and plugins in the installed layout (qemu-user)"
  else
    bad "the arm64 .deb under qemu: $(cat "$scratch"/arm-*.txt)"
  fi
else
  bad "the arm64 .deb does not hold ARM64 executables"
fi

echo "packages checked in $(($(date +%s) - started)) s"
echo "packages: $passed passed, $failed failed"
[ $failed -eq 0 ]
