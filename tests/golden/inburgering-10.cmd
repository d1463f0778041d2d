regel --json stdlib-policies/inburgering.regel tests/golden/inburgering/10-laaggeletterd-maandeinde.json
