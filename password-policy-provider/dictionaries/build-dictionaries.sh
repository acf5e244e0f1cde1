#!/usr/bin/env bash
# Rebuilds the word lists shipped in the password policy jar from their published sources (npm packages), so that
# anyone can check what is in them. Needs node and npm. Output: one entry per line, UTF-8, lower case, sorted,
# without duplicates, gzip-compressed without timestamps (reproducible).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/../src/main/resources/fr/ent/keycloak/password/dictionaries"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

PACKAGES=(
  an-array-of-french-words@2.0.0
  an-array-of-english-words@2.0.0
  @zxcvbn-ts/language-common@4.1.3
  @zxcvbn-ts/language-fr@4.1.2
  @zxcvbn-ts/language-en@4.1.1
  @etalab/decoupage-administratif@6.0.0
)

cd "$WORK"
for package in "${PACKAGES[@]}"; do
  tarball="$(npm pack --silent "$package")"
  mkdir -p "${package%@*}"
  tar xzf "$tarball" -C "${package%@*}"
done

node - "$WORK" "$OUT" <<'JS'
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const [work, out] = process.argv.slice(2);
const read = (p) => JSON.parse(fs.readFileSync(path.join(work, p), 'utf8'));
const write = (name, words) => {
  const unique = [...new Set(words.map((w) => String(w).trim().toLowerCase()).filter((w) => w.length > 0))].sort();
  fs.writeFileSync(path.join(out, name), zlib.gzipSync(unique.join('\n') + '\n', { level: 9 }));
  console.log(`${name}: ${unique.length} entries`);
};
fs.mkdirSync(out, { recursive: true });
write('fr-words.txt.gz', read('an-array-of-french-words/package/index.json'));
write('en-words.txt.gz', read('an-array-of-english-words/package/index.json'));
write('common-passwords.txt.gz', read('@zxcvbn-ts/language-common/package/src/passwords.json'));
write('fr-common-words.txt.gz', [
  ...read('@zxcvbn-ts/language-fr/package/src/commonWords.json'),
  ...read('@zxcvbn-ts/language-fr/package/src/wikipedia.json'),
]);
// @zxcvbn-ts/language-fr 4.1.2 ships its first names in lastnames.json and its surnames in firstnames.json
write('fr-first-names.txt.gz', read('@zxcvbn-ts/language-fr/package/src/lastnames.json'));
write('fr-last-names.txt.gz', read('@zxcvbn-ts/language-fr/package/src/firstnames.json'));
write('en-first-names.txt.gz', read('@zxcvbn-ts/language-en/package/src/firstnames.json'));
write('en-last-names.txt.gz', read('@zxcvbn-ts/language-en/package/src/lastnames.json'));
write('fr-towns.txt.gz', read('@etalab/decoupage-administratif/package/data/communes.json')
  .filter((c) => c.type === 'commune-actuelle')
  .map((c) => c.nom));
JS
