#!/usr/bin/env bash
# Runs huibao's Windows build under Wine and its ARM64 Linux build under qemu-user, end
# to end, and compares what they write with the x86-64 Linux build's, byte for byte
# where the output is deterministic (SOURCE_DATE_EPOCH is set): HTML, text, imported
# TOML, printed TOML and messages as bytes, PDF by its text, DOCX and OFD part by part.
#
#   bash tests/cross/run.sh            # both
#   bash tests/cross/run.sh windows    # or: arm64
#
# Each target is built once, in debug, with the plugins fund, party and faulty. Needs
# the rustup targets x86_64-pc-windows-gnu and aarch64-unknown-linux-gnu and Debian's
# gcc-mingw-w64-x86-64, gcc-aarch64-linux-gnu, libc6-dev-arm64-cross, wine, qemu-user,
# poppler-utils and python3 with fontTools (tests/install-deps.sh installs them all).
# A missing tool is a failure, not a skip. See tests/cross/README.md.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(windows arm64)

export SOURCE_DATE_EPOCH=1657238400 # 2022-07-08: reproducible PDF, DOCX and OFD dates
export LANG=C.UTF-8 LC_ALL=C.UTF-8  # Wine reads arguments and file names in this locale
unset HUIBAO_PLUGIN_PATH HUIBAO_FONT_DIR HUIBAO_PLUGIN_TIMEOUT
target_dir=$(cd "$root" && mkdir -p "${CARGO_TARGET_DIR:-target}" && cd "${CARGO_TARGET_DIR:-target}" && pwd)
work=$target_dir/cross
crates=(-p huibao -p huibao-plugin-fund -p huibao-plugin-party -p huibao-plugin-faulty)
win_triple=x86_64-pc-windows-gnu
arm_triple=aarch64-unknown-linux-gnu
arm_sysroot=/usr/aarch64-linux-gnu

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

# --- tools ------------------------------------------------------------------------------
need=(cargo python3 pdftotext)
for t in "${targets[@]}"; do
  case $t in
  windows) need+=(wine wineserver x86_64-w64-mingw32-gcc) ;;
  arm64) need+=(qemu-aarch64 aarch64-linux-gnu-gcc) ;;
  *)
    echo "unknown target $t (windows or arm64)"
    exit 2
    ;;
  esac
done
for tool in "${need[@]}"; do
  command -v "$tool" >/dev/null || bad "$tool is not installed (bash tests/install-deps.sh installs it)"
done
[ $failed -eq 0 ] || exit 1

# --- builds: each target once, in debug -------------------------------------------------
started=$(date +%s)
cargo build -q "${crates[@]}" || exit 1
native_bin=$target_dir/debug/huibao
for t in "${targets[@]}"; do
  case $t in
  windows) triple=$win_triple ;;
  arm64) triple=$arm_triple ;;
  esac
  rustup target list --installed 2>/dev/null | grep -qx "$triple" || rustup target add "$triple" || exit 1
  echo "== building for $triple"
  cargo build -q --target "$triple" "${crates[@]}" || {
    bad "the $triple build"
    exit 1
  }
done
echo "builds took $(($(date +%s) - started)) s"

# --- running each build -----------------------------------------------------------------
win_exe=$target_dir/$win_triple/debug/huibao.exe
arm_bin=$target_dir/$arm_triple/debug/huibao
export WINEPREFIX=$work/wine
export WINEDEBUG=-all
# No Mono or Gecko: nothing here needs .NET or an embedded browser.
export WINEDLLOVERRIDES="mscoree=;mshtml="
# Children of the ARM64 program (the plugin host) run through binfmt_misc; they find
# the ARM64 C library here.
export QEMU_LD_PREFIX=$arm_sysroot

# huibao_as TARGET ARGS…: runs that target's build of huibao.
huibao_as() {
  local t=$1
  shift
  case $t in
  native) "$native_bin" "$@" ;;
  windows) wine "$win_exe" "$@" ;;
  arm64) qemu-aarch64 -L "$arm_sysroot" "$arm_bin" "$@" ;;
  esac
}

# A Wine prefix of our own, with the stand-in bcryptprimitives.dll (wine/README in
# tests/cross/README.md): made once, reused.
setup_wine() {
  local system32=$WINEPREFIX/drive_c/windows/system32
  if [ ! -f "$system32/kernel32.dll" ]; then
    echo "== making the Wine prefix $WINEPREFIX"
    wineboot -i >/dev/null 2>&1
    wineserver -w
  fi
  x86_64-w64-mingw32-gcc -O2 -shared -s -Wl,--no-insert-timestamp -o "$system32/bcryptprimitives.dll" \
    tests/cross/wine/bcryptprimitives.c tests/cross/wine/bcryptprimitives.def -ladvapi32 || return 1
  x86_64-w64-mingw32-gcc -municode -O2 -s -o "$work/hold-open.exe" tests/cross/wine/hold-open.c || return 1
  local user
  user=$(whoami)
  win_home=$WINEPREFIX/drive_c/users/$user
  [ -d "$win_home" ] || {
    echo "the Wine prefix has no $win_home"
    return 1
  }
}

# ARM64 executables started by the ARM64 program go through qemu-aarch64 (binfmt_misc).
setup_binfmt() {
  local dir=/proc/sys/fs/binfmt_misc
  [ -f "$dir/register" ] || mount -t binfmt_misc binfmt_misc "$dir" 2>/dev/null || true
  if ! grep -qs "interpreter /usr/bin/qemu-aarch64" "$dir"/*; then
    printf '%s' ':huibao-qemu-aarch64:M::\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:/usr/bin/qemu-aarch64:F' \
      >"$dir/register" 2>/dev/null
  fi
  grep -qs "interpreter /usr/bin/qemu-aarch64" "$dir"/* ||
    bad "ARM64 programs cannot start ARM64 children: binfmt_misc has no qemu-aarch64 (run as root, or install qemu-user-binfmt)"
}

# The inputs, copied once so that every build reads them by the same relative paths
# (../../inputs/…) and prints the same messages.
inputs=$work/inputs
rm -rf "$inputs" && mkdir -p "$inputs/sheets"
cp -r examples "$inputs/examples"
cp -r tests/cross/fixtures "$inputs/fixtures"
cp tests/import/gbk.txt tests/import/numbered.docx "$inputs/"
cp sheets/tests/fixtures/jinchuan-2022h1.xlsx "$inputs/sheets/"

# run_case TARGET NAME STREAMS ARGS…: runs TARGET's huibao with ARGS in the folder
# $work/TARGET/NAME, which then holds what it wrote, its exit code and, with STREAMS
# "keep", its stdout and stderr (Windows' `\` in paths read as `/`); with "drop" the
# streams are kept beside the folder, for reading only.
run_case() {
  local t=$1 name=$2 streams=$3
  shift 3
  local dir=$work/$t/$name
  rm -rf "$dir" "$dir.stdout" "$dir.stderr" && mkdir -p "$dir"
  (cd "$dir" && huibao_as "$t" "$@" >stdout.txt 2>stderr.txt; echo $? >exit-code.txt)
  if [ "$t" = windows ]; then sed -i 's|\\|/|g' "$dir/stdout.txt" "$dir/stderr.txt"; fi
  if [ "$streams" = drop ]; then
    mv "$dir/stdout.txt" "$dir.stdout"
    mv "$dir/stderr.txt" "$dir.stderr"
  fi
}

# same TARGET NAME: the case's folder equals the native build's.
same() {
  local t=$1 name=$2
  if python3 tests/cross/compare.py "$work/native/$name" "$work/$t/$name"; then
    ok "$t: $name as on x86-64 Linux"
  else
    bad "$t: $name differs from x86-64 Linux (see $work/$t/$name)"
  fi
}

# The cases every build runs; the native build's results are the reference.
formats=docx,pdf,html,txt,ofd
common_cases() {
  local t=$1
  for example in "$inputs"/examples/*.toml; do
    local stem
    stem=$(basename "$example" .toml)
    # Only the bundled fonts: the same faces on every machine.
    run_case "$t" "render-$stem" keep render "../../inputs/examples/$stem.toml" --format "$formats" --no-system-fonts --out out
  done
  run_case "$t" batch drop render ../../inputs/examples --jobs 2 --format pdf,docx,html --no-system-fonts --out out
  run_case "$t" import-txt keep import ../../inputs/gbk.txt -o imported.toml
  run_case "$t" import-docx keep import ../../inputs/numbered.docx -o imported.toml
  run_case "$t" indicators keep indicators ../../inputs/sheets/jinchuan-2022h1.xlsx
  run_case "$t" check-errors keep check ../../inputs/fixtures/errors.toml
}

compare_common() {
  local t=$1
  for dir in "$work/native"/*/; do
    same "$t" "$(basename "$dir")"
  done
}

# The reference itself: every render wrote its files, the report with errors failed.
check_native() {
  local dir
  for dir in "$work"/native/render-* "$work/native/batch" "$work"/native/import-* "$work/native/indicators"; do
    grep -qx 0 "$dir/exit-code.txt" || bad "native: $(basename "$dir") exited $(cat "$dir/exit-code.txt")"
  done
  grep -qx 1 "$work/native/check-errors/exit-code.txt" || bad "native: check of a report with errors did not exit 1"
  [ -f "$work/native/render-plugins-kaifaqu-2022h1/out/plugins-kaifaqu-2022h1.pdf" ] || bad "native: the plugins example wrote no PDF"
}

# A native plugin that never returns is stopped at its deadline, its process gone.
deadline_case() {
  local t=$1
  local dir=$work/$t/deadline
  rm -rf "$dir" && mkdir -p "$dir"
  local start took code
  start=$(date +%s)
  (cd "$dir" && HUIBAO_PLUGIN_TIMEOUT=3 huibao_as "$t" render ../../inputs/fixtures/hang.toml --format html --out out >stdout.txt 2>stderr.txt)
  code=$?
  took=$(($(date +%s) - start))
  sleep 1
  local left
  left=$(ps -eo args | grep -c '[_]_plugin-host' || true)
  if [ "$code" = 1 ] && grep -q 'plugin `faulty` did not answer within 3 s and was stopped' "$dir/stderr.txt" &&
    [ "$took" -lt 40 ] && [ "$left" = 0 ] && [ ! -e "$dir/out" ]; then
    ok "$t: a plugin that never returns is stopped at its deadline (${took} s, no plugin process left)"
  else
    bad "$t: the hanging plugin: exit $code after ${took} s, $left plugin processes left; stderr: $(head -c 600 "$dir/stderr.txt")"
  fi
}

# Windows only: Chinese paths with spaces, a target held open as Word holds it, fonts
# found by family name in the system and per-user font folders, plugins in
# %APPDATA%\huibao\plugins, `watch --open`.
windows_cases() {
  # A Windows-style path.
  local dir=$work/windows/backslash
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$work/inputs" && wine "$win_exe" render 'examples\park-2022h1.toml' --format docx,pdf,html --no-system-fonts --out "$dir" >"$dir.stdout" 2>&1)
  if [ -f "$dir/park-2022h1.docx" ] && [ -f "$dir/park-2022h1.pdf" ] && cmp -s "$dir/park-2022h1.html" "$work/native/render-park-2022h1/out/park-2022h1.html"; then
    ok "windows: render examples\\park-2022h1.toml"
  else
    bad "windows: render examples\\park-2022h1.toml: $(cat "$dir.stdout")"
  fi

  # Chinese folder and file names with spaces.
  dir="$work/windows/中文 路径/园区 报告"
  rm -rf "$work/windows/中文 路径" && mkdir -p "$dir"
  cp "$inputs/examples/park-2022h1.toml" "$dir/2022年 上半年.toml"
  (cd "$dir" && wine "$win_exe" render "2022年 上半年.toml" --format pdf,html --no-system-fonts --out "输出 文件" >../log.txt 2>&1)
  if cmp -s "$dir/输出 文件/2022年 上半年.html" "$work/native/render-park-2022h1/out/park-2022h1.html" &&
    [ "$(pdftotext "$dir/输出 文件/2022年 上半年.pdf" - | md5sum)" = "$(pdftotext "$work/native/render-park-2022h1/out/park-2022h1.pdf" - | md5sum)" ] &&
    grep -q "输出 文件/2022年 上半年.pdf\|输出 文件\\\\2022年 上半年.pdf" "$work/windows/中文 路径/log.txt"; then
    ok "windows: Chinese folder and file names with spaces (printed right through a pipe)"
  else
    bad "windows: Chinese paths: $(cat "$work/windows/中文 路径/log.txt")"
  fi

  # A target held open as Word holds a document: refused, named, nothing changed.
  dir=$work/windows/held-open
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && wine "$win_exe" render ../../inputs/examples/park-2022h1.toml --format docx,html --no-system-fonts --out out >/dev/null 2>&1)
  echo "旧的网页" >"$dir/out/park-2022h1.html"
  local before
  before=$(cd "$dir/out" && ls -A && md5sum ./*)
  (cd "$dir" && wine "$work/hold-open.exe" 'out\park-2022h1.docx' 20 >hold.txt 2>&1 &)
  local waited=0
  until grep -q open "$dir/hold.txt" 2>/dev/null || [ $waited -gt 60 ]; do
    sleep 1
    waited=$((waited + 1))
  done
  (cd "$dir" && wine "$win_exe" render ../../inputs/examples/park-2022h1.toml --format docx,html --no-system-fonts --out out >stdout.txt 2>stderr.txt)
  local code=$?
  local after
  after=$(cd "$dir/out" && ls -A && md5sum ./*)
  if [ "$code" = 3 ] && grep -q 'park-2022h1.docx is open in another program' "$dir/stderr.txt" &&
    grep -q 'close .*park-2022h1.docx in Word, WPS' "$dir/stderr.txt" && [ "$before" = "$after" ]; then
    ok "windows: a DOCX held open as Word holds it: exit 3, named, the set left whole and old"
  else
    bad "windows: a DOCX held open: exit $code; $(cat "$dir/stderr.txt"); before: $before; after: $after"
  fi
  wineserver -w

  # Fonts by family name: 仿宋_GB2312 in the per-user folder, 黑体 in C:\Windows\Fonts.
  local user_fonts=$win_home/AppData/Local/Microsoft/Windows/Fonts
  local system_fonts=$WINEPREFIX/drive_c/windows/Fonts
  mkdir -p "$user_fonts" "$system_fonts"
  python3 tests/cross/rename_font.py fonts/FandolFang-Regular.otf "$user_fonts/simfang-test.otf" "仿宋_GB2312" FangSong_GB2312 &&
    python3 tests/cross/rename_font.py fonts/FandolHei-Regular.otf "$system_fonts/simhei-test.otf" "黑体" SimHei
  dir=$work/windows/fonts
  mkdir -p "$dir"
  (cd "$work/inputs" && wine "$win_exe" fonts >"$dir.txt" 2>&1)
  rm -f "$user_fonts/simfang-test.otf" "$system_fonts/simhei-test.otf"
  if grep -E '^body .*FangSong_GB2312 +installed .*AppData.Local.Microsoft.Windows.Fonts.simfang-test.otf' "$dir.txt" >/dev/null &&
    grep -E '^heading1 .*SimHei +installed .*windows.Fonts.simhei-test.otf' "$dir.txt" >/dev/null; then
    ok "windows: 仿宋_GB2312 found by name in %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts, 黑体 in C:\\Windows\\Fonts"
  else
    bad "windows: fonts by family name: $(cat "$dir.txt")"
  fi

  # Plugins in %APPDATA%\huibao\plugins, for a huibao.exe with none beside it.
  local user_plugins=$win_home/AppData/Roaming/huibao/plugins
  dir=$work/windows/appdata
  rm -rf "$dir" "$user_plugins" && mkdir -p "$dir/bin" "$user_plugins"
  cp "$win_exe" "$dir/bin/"
  cp -r fonts "$dir/bin/fonts"
  cp "$target_dir/$win_triple/debug/huibao_plugin_fund.dll" "$target_dir/$win_triple/debug/huibao_plugin_party.dll" "$user_plugins/"
  (cd "$dir" && wine bin/huibao.exe plugins list >list.txt 2>&1 &&
    wine bin/huibao.exe render ../../inputs/examples/plugins-kaifaqu-2022h1.toml --format html --out out >render.txt 2>&1)
  rm -rf "$win_home/AppData/Roaming/huibao"
  if grep -q 'fund' "$dir/list.txt" && grep -qi 'AppData.Roaming.huibao.plugins' "$dir/list.txt" &&
    cmp -s "$dir/out/plugins-kaifaqu-2022h1.html" "$work/native/render-plugins-kaifaqu-2022h1/out/plugins-kaifaqu-2022h1.html"; then
    ok "windows: native plugin DLLs found in %APPDATA%\\huibao\\plugins"
  else
    bad "windows: plugins in %APPDATA%: $(cat "$dir/list.txt" "$dir/render.txt")"
  fi

  # `watch --open`: the shell's http handler (Wine's winebrowser, which calls xdg-open).
  dir=$work/windows/open
  rm -rf "$dir" && mkdir -p "$dir/path"
  printf '#!/bin/sh\necho "$@" >>"%s"\n' "$dir/opened.txt" >"$dir/path/xdg-open"
  chmod +x "$dir/path/xdg-open"
  (cd "$dir" && PATH="$dir/path:$PATH" timeout 60 wine "$win_exe" watch ../../inputs/examples/park-2022h1.toml --open --port 0 --no-system-fonts >watch.txt 2>&1 &)
  waited=0
  until [ -s "$dir/opened.txt" ] || [ $waited -gt 50 ]; do
    sleep 1
    waited=$((waited + 1))
  done
  if grep -q '^http://127.0.0.1:[0-9]*/' "$dir/opened.txt" 2>/dev/null &&
    grep -q "serving $(cut -d' ' -f1 "$dir/opened.txt")" "$dir/watch.txt"; then
    ok "windows: watch --open opened $(cat "$dir/opened.txt") in the default browser"
  else
    bad "windows: watch --open: $(cat "$dir/watch.txt" "$dir/opened.txt" 2>/dev/null)"
  fi
  wineserver -k 2>/dev/null
  wineserver -w
}

# --- the runs ---------------------------------------------------------------------------
started=$(date +%s)
rm -rf "$work/native"
common_cases native
check_native
for t in "${targets[@]}"; do
  echo "== $t"
  t_start=$(date +%s)
  case $t in
  windows) setup_wine || bad "windows: the Wine prefix could not be made" ;;
  arm64) setup_binfmt ;;
  esac
  common_cases "$t"
  compare_common "$t"
  deadline_case "$t"
  [ "$t" = windows ] && windows_cases
  echo "$t took $(($(date +%s) - t_start)) s"
done
[ "${targets[*]}" != "${targets[*]/windows/}" ] && wineserver -k 2>/dev/null
echo "runs took $(($(date +%s) - started)) s"
echo "cross: $passed passed, $failed failed"
[ $failed -eq 0 ]
