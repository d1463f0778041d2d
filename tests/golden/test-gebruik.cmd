regel test --filtr x tests/golden/beleid
