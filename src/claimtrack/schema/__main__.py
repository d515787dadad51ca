from claimtrack.schema import SCHEMA_PATH, write

write()
print(f"wrote {SCHEMA_PATH}")
