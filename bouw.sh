#!/bin/sh
# bouw.sh — installs the Debian packages Regel needs (when missing), builds it
# in _build/ and evaluates an example case, printing the decision and its
# explanation. Safe to run again; only installs what is missing.
set -eu
cd "$(dirname "$0")"

PAKKETTEN="build-essential autoconf automake libtool pkg-config flex bison \
libffi-dev libjansson-dev libyajl-dev libcriterion-dev clang clang-format cppcheck valgrind"

ontbreekt=""
for p in $PAKKETTEN; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        ontbreekt="$ontbreekt $p"
done
if [ -n "$ontbreekt" ]; then
    echo "bouw.sh: ontbrekende pakketten installeren:$ontbreekt"
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $ontbreekt
fi

if [ ! -x configure ] || [ configure.ac -nt configure ]; then
    echo "bouw.sh: autoreconf"
    autoreconf -fi
fi
mkdir -p _build
cd _build
if [ ! -f Makefile ] || [ ../configure -nt Makefile ]; then
    ../configure --quiet --enable-werror
fi
make -j"$(nproc)" >/dev/null
echo "bouw.sh: gebouwd in _build/ (regel, regelc, libregel)"
echo
echo "\$ regel examples/inburgering-basis.regel examples/gevallen/02-vrijgesteld.json"
./regel ../examples/inburgering-basis.regel ../examples/gevallen/02-vrijgesteld.json
