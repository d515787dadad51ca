from claimtrack.schema import LEDGER_SCHEMA_PATH, SCHEMA_PATH, write

write()
print(f"wrote {SCHEMA_PATH} and {LEDGER_SCHEMA_PATH}")
