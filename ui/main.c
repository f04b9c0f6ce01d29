/* main.c: the program's entry point: the browser runs here, every other
 * command in the core's command line (src/cli.c). */
#include <locale.h>
#include <stdio.h>

#include "browser.h"
#include "cli.h"
#include "i18n.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	i18n_start();
	return cli_main(argc, argv, browser_run, stdout, stderr);
}
