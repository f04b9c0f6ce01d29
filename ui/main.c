/* main.c: the program's entry point: the browser runs here, every other
 * command in the core's command line (src/cli.c). */
#include <locale.h>
#include <stdio.h>

#include "cli.h"

/* Until the full-screen browser is built, say what the program can do. */
static int browse(struct cli *cli)
{
	fprintf(cli->out, "kpitree: the full-screen browser is not built yet; "
		"these commands work now (database %s):\n\n", cli->db_path);
	cli_help(cli->out);
	return EXIT_DONE;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cli_main(argc, argv, browse, stdout, stderr);
}
