regel --uitkomst inburgeringsplicht --uitkomst vdab_tijdig stdlib-policies/inburgering.regel tests/golden/inburgering/04-vrijgesteld-ernstig-ziek.json
