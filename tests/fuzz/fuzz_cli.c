/* fuzz_cli.c: libFuzzer target for the command line: the input, split at
 * NUL bytes, is the arguments after "kpitree", run against a copy of a
 * database with the bundled data. Any arguments give an exit status of
 * 0, 1 or 2 without a crash. Everything happens in a folder of its own,
 * emptied before each input: an argument with a '/' in it is not run, so
 * that no file outside that folder is written. */
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <ftw.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "browser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 24

static char dir[] = "/tmp/kpitree-fuzz-cli.XXXXXX";
static FILE *sink;

static int browse(struct session *session, const struct browse_options *o, char *why,
		      size_t size)
{
	(void)session;
	(void)o;
	(void)why;
	(void)size;
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	if (ftw->level == 0 || strcmp(path + ftw->base, "template.db") == 0)
		return 0;
	remove(path);
	return 0;
}

static void empty_dir(void)
{
	nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void remove_dir(void)
{
	empty_dir();
	unlink("template.db");
	if (chdir("/") == 0)
		rmdir(dir);
}

static void copy_file(const char *from, const char *to)
{
	char buf[65536];
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ssize_t n;

	if (in < 0 || out < 0)
		abort();
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n)
			abort();
	close(in);
	close(out);
}

static void setup(void)
{
	char *init[] = { "kpitree", "--db", "template.db", "init", NULL };
	char xdg[sizeof dir + 8];

	if (!mkdtemp(dir) || chdir(dir) != 0)
		abort();
	snprintf(xdg, sizeof xdg, "%s/xdg", dir);
	setenv("HOME", dir, 1);
	setenv("XDG_DATA_HOME", xdg, 1);
	setenv("KPITREE_USER", "fuzz", 1);
	unsetenv("SSH_ORIGINAL_COMMAND");
	unsetenv("SSH_CONNECTION");
	unsetenv("SSH_CLIENT");
	if (!freopen("/dev/null", "r", stdin))
		abort();
	sink = fopen("/dev/null", "w");
	if (!sink || cli_main(4, init, browse, sink, sink) != EXIT_DONE)
		abort();
	atexit(remove_dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *argv[MAX_ARGS + 2];
	size_t i = 0;
	int argc = 1, status;

	if (!text)
		return 0;
	if (!sink)
		setup();
	memcpy(text, data, size);
	text[size] = '\0';
	argv[0] = "kpitree";
	while (i < size && argc <= MAX_ARGS) {
		argv[argc++] = text + i;
		i += strlen(text + i) + 1;
	}
	argv[argc] = NULL;
	for (i = 1; i < (size_t)argc; i++) {
		if (strchr(argv[i], '/')) {
			free(text);
			return 0;
		}
	}
	empty_dir();
	copy_file("template.db", "k.db");
	setenv("KPITREE_DB", "k.db", 1);
	status = cli_main(argc, argv, browse, sink, sink);
	if (status != EXIT_DONE && status != EXIT_FAILED && status != EXIT_USAGE)
		abort();
	free(text);
	return 0;
}
