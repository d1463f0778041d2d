regelc --controleer tests/golden/beleid/jaar-twee-cijfers.regel
