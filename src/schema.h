/* schema.h: the database's tables, as a list of migrations applied in
 * order and counted by PRAGMA user_version. */
#ifndef KPITREE_SCHEMA_H
#define KPITREE_SCHEMA_H

/* The statements of migration i (0-based), NULL-terminated, bring a
 * database from user_version i to i + 1. */
extern const char *const *const schema_migrations[];
extern const int schema_version;

/* The audit log's triggers: { name, its CREATE statement as
 * sqlite_master keeps it }, then { NULL, NULL }. */
extern const char *const schema_audit_triggers[][2];

/* The triggers an import drops while it runs and makes again at its
 * end, by name, then NULL (see schema.c). */
extern const char *const schema_import_idle_triggers[];

#endif
