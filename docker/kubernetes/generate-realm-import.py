#!/usr/bin/env python3
"""Writes docker/kubernetes/realm-import.yaml from demo/realm/ent-realm.json (JSON is YAML: embedded as is)."""
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
realm = json.loads((ROOT / "demo/realm/ent-realm.json").read_text(encoding="utf-8"))
body = json.dumps(realm, ensure_ascii=False, indent=2).replace("\n", "\n    ")
# every ${NAME:default} of the realm is read from the secret ent-realm-settings (keycloak.yaml) at import
names = sorted(set(re.findall(r"\$\{([A-Z0-9_]+):", json.dumps(realm))))
placeholders = "".join(
    f"    {name}:\n      secret:\n        name: ent-realm-settings\n        key: {name}\n" for name in names
)
(ROOT / "docker/kubernetes/realm-import.yaml").write_text(
    "# The realm of the pack, imported once by the Keycloak Operator. GENERATED from demo/realm/ent-realm.json (the\n"
    "# realm ./start.sh imports; DeploymentFilesTest fails when they differ): regenerate it with\n"
    "#   python3 docker/kubernetes/generate-realm-import.py\n"
    "apiVersion: k8s.keycloak.org/v2alpha1\n"
    "kind: KeycloakRealmImport\n"
    "metadata:\n"
    "  name: ent-realm\n"
    "spec:\n"
    "  keycloakCRName: ent-keycloak\n"
    "  placeholders:\n" + placeholders +
    "  realm:\n"
    "    " + body + "\n",
    encoding="utf-8",
)
