regel --json stdlib-policies/inburgering.regel tests/golden/inburgering/08-verblijf-en-zorgbudget.json
