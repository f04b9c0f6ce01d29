/* fuzz_keys_file.c: libFuzzer target for the authorized_keys reader and
 * writer: any file is read line by line (its kpitree lines found, the
 * others kept), an official's key added and removed again, and a public
 * key file read, without a crash and with every line not kpitree's kept. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keys_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/kpitree-fuzz-keys.XXXXXX";
static char path[sizeof dir + 32];

static void remove_dir(void)
{
	unlink(path);
	rmdir(dir);
}

static void count(void *ctx, const struct keys_entry *e)
{
	int *n = ctx;

	if (strlen(e->id.name) > ACCESS_NAME_MAX)
		abort();
	(*n)++;
}

static int write_file(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		return -1;
	if (size && fwrite(data, 1, size, f) != size) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keys_entry entry, found;
	struct error err;
	char type[64], blob[8192], command[1024];
	int before = 0, after = 0;

	if (!*path) {
		if (!mkdtemp(dir))
			abort();
		snprintf(path, sizeof path, "%s/authorized_keys", dir);
		atexit(remove_dir);
	}
	if (write_file(data, size) < 0)
		abort();
	keys_read_public(path, type, sizeof type, blob, sizeof blob, &err);
	if (keys_file_each(path, count, &before, &err) < 0)
		return 0;
	keys_file_find(path, "fuzz", &found, &err);
	memset(&entry, 0, sizeof entry);
	snprintf(entry.id.name, sizeof entry.id.name, "fuzzer");
	entry.id.role = ROLE_EDITOR;
	snprintf(entry.type, sizeof entry.type, "ssh-ed25519");
	snprintf(entry.blob, sizeof entry.blob,
		 "AAAAC3NzaC1lZDI1NTE5AAAAIFuzzFuzzFuzzFuzzFuzzFuzzFuzzFuzzFuzzFuzzFuz");
	if (!keys_forced_command("/usr/bin/kpitree", "/srv/k.db", &entry.id, command,
				 sizeof command))
		abort();
	if (keys_file_add(path, &entry, command, &err) < 0)
		return 0;
	if (keys_file_remove(path, "fuzzer", NULL, NULL, &err) < 0)
		abort();
	/* What was there is there again, as many kpitree lines as before. */
	if (keys_file_each(path, count, &after, &err) < 0 || after != before)
		abort();
	return 0;
}
