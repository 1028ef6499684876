#!/usr/bin/env bash
# Lints the stored OpenAPI spec with Redocly's `recommended` rules (needs Node.js and the npm registry).
set -euo pipefail
cd "$(dirname "$0")/../../.."
# no-ambiguous-paths is skipped: it flags /api/v1/articles/slug/{slug} against /api/v1/articles/{id}/publish and the
# like, but a literal segment wins over a template (JAX-RS and RFC 6570 routers alike) and an id is always a UUID.
npx -y @redocly/cli@2 lint openapi/openapi.yaml --extends recommended --skip-rule no-ambiguous-paths
