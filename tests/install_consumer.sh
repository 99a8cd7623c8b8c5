#!/usr/bin/env bash
# The installed library works from another CMake project:
#   1. `cmake --install` this build into a temporary prefix (no absolute path into the
#      checkout or the build tree may leak into the installed CMake files);
#   2. configure, build and run examples/cmake-consumer against it with CMAKE_PREFIX_PATH
#      (find_package(dmf_oracle), target dmf::oracle) and check what it prints;
#   3. compile one file including every installed header, so no public header includes
#      a file that is not installed.
# Usage: install_consumer.sh CMAKE BUILD_DIR SOURCE_DIR CONFIG [extra cmake args for the consumer...]
set -euo pipefail
cmake_cmd="$1" build="$2" src="$3" config="$4"
shift 4
tmp="$(mktemp -d "${TMPDIR:-/tmp}/dmf-install.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
prefix="$tmp/prefix"

fail() { echo "install_consumer: $*" >&2; exit 1; }

"$cmake_cmd" --install "$build" --config "$config" --prefix "$prefix" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; fail "cmake --install failed (is the library built?)"; }

config_file="$(find "$prefix" -name dmf_oracleConfig.cmake | head -n 1)"
[ -n "$config_file" ] || fail "no dmf_oracleConfig.cmake under $prefix"
[ -n "$(find "$prefix" -name 'libdmf_oracle.*')" ] || fail "no libdmf_oracle under $prefix"
nheaders="$(find "$prefix/include/dmf" -name '*.hpp' | wc -l)"
[ "$nheaders" -gt 0 ] || fail "no headers under $prefix/include/dmf"
if grep -rlF -e "$src" -e "$build" "$(dirname "$config_file")" >"$tmp/leaks" 2>/dev/null; then
  cat "$tmp/leaks" >&2
  fail "the installed CMake files name the source or build tree"
fi
echo "installed: $(find "$prefix" -type f | wc -l) files, $nheaders headers, $config_file"

gen=()
command -v ninja >/dev/null 2>&1 && gen=(-G Ninja)
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

configure_and_build() {  # configure_and_build SOURCE BUILD [extra cmake args...]
  local source="$1" dir="$2"
  shift 2
  "$cmake_cmd" -S "$source" -B "$dir" "${gen[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE="$config" \
    -DCMAKE_PREFIX_PATH="$prefix" "$@" >"$dir.log" 2>&1 ||
    { cat "$dir.log" >&2; fail "configuring $source against the install failed"; }
  grep -q "^dmf_oracle_DIR:PATH=$prefix/" "$dir/CMakeCache.txt" ||
    fail "$source found dmf_oracle outside $prefix: $(grep '^dmf_oracle_DIR' "$dir/CMakeCache.txt")"
  "$cmake_cmd" --build "$dir" --config "$config" >>"$dir.log" 2>&1 ||
    { cat "$dir.log" >&2; fail "building $source against the install failed"; }
}

# 2. The example consumer.
configure_and_build "$src/examples/cmake-consumer" "$tmp/consumer" "$@"
exe="$(find "$tmp/consumer" -type f -name 'dmf-consumer*' -perm -u+x | head -n 1)"
[ -n "$exe" ] || fail "no dmf-consumer executable was built"
out="$("$exe")" || { echo "$out"; fail "dmf-consumer exited non-zero"; }
echo "$out"
grep -qx "consumer: ok" <<<"$out" || fail "dmf-consumer did not print 'consumer: ok'"
grep -qx "loss 1.000000000000000000000000000000000000000e+00" <<<"$out" || fail "wrong loss"
grep -qx "gradient_norm 7.0710678118654752440084436210484903[0-9]*e-01" <<<"$out" ||
  fail "wrong gradient norm"

# 3. Every installed header, through the installed include directory only.
mkdir -p "$tmp/headers-src"
cat >"$tmp/headers-src/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(dmf_all_headers LANGUAGES CXX)
find_package(dmf_oracle REQUIRED)
add_library(dmf_all_headers OBJECT all_headers.cpp)
target_link_libraries(dmf_all_headers PRIVATE dmf::oracle)
CMAKE
(cd "$prefix/include" && find dmf -name '*.hpp' | sort | sed 's/.*/#include <&>/') >"$tmp/headers-src/all_headers.cpp"
configure_and_build "$tmp/headers-src" "$tmp/headers" "$@"
echo "install_consumer: ok ($nheaders installed headers compile together)"
