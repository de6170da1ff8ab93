#!/usr/bin/env bash
# Install st96kit, then show the installed schema package and check the sample documents.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export ST96KIT_SCHEMAS=${ST96KIT_SCHEMAS:-../shared/st96/schemas/V6_0}
.venv/bin/st96kit schemas list
