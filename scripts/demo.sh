#!/usr/bin/env bash
# Install st96kit, then show the schema package, validate the WIPO examples and tell what the
# real office samples are.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export ST96KIT_SCHEMAS=${ST96KIT_SCHEMAS:-../shared/st96/schemas/V6_0}
shared=../shared/st96
.venv/bin/st96kit schemas list
echo
.venv/bin/st96kit validate "$shared/examples/V6_0"
echo
.venv/bin/st96kit info "$shared"/samples/*/*.xml
