#!/usr/bin/env bash
# Lints the stored OpenAPI spec with Redocly's `recommended` rules (needs Node.js and the npm registry).
set -euo pipefail
cd "$(dirname "$0")/../../.."
npx -y @redocly/cli@2 lint openapi/openapi.yaml --extends recommended
