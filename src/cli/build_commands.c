/* The commands that drive the CPython build: build, verify, config-site,
 * ccache-stats. */
#include <stdio.h>

#include "build/configsite.h"
#include "build/runner.h"
#include "build/toolwrap.h"
#include "build/verify.h"
#include "cli/commands.h"
#include "kconfig/confio.h"
#include "util/diag.h"

static int run_build(const struct options *opt, bool configure_only)
{
	struct build b = { 0 };
	int rc = build_open(&b, opt->kconfig, opt->config);
	if (rc == 0)
		rc = build_all(&b, configure_only);
	build_free(&b);
	return rc;
}

int cmd_build(const struct options *opt)
{
	return run_build(opt, false);
}

int cmd_configure(const struct options *opt)
{
	return run_build(opt, true);
}

/* The build of the config, opened and prepared without running a step. */
static int open_prepared(struct build *b, const struct options *opt)
{
	int rc = build_open(b, opt->kconfig, opt->config);
	return rc ? rc : build_prepare(b);
}

int cmd_verify(const struct options *opt)
{
	struct build b = { 0 };
	int rc = open_prepared(&b, opt);
	if (rc == 0) {
		b.python = build_find_python(&b);
		if (!b.python) {
			error_plain("no python%s is installed under %s%s/bin: run cpyconf build first", b.series,
				    b.destdir, b.prefix);
			rc = 1;
		}
	}
	if (rc == 0)
		rc = verify_install(&b);
	if (rc == 0 && b.unverified) {
		/* verify's only job: a check that could not run is no pass */
		fprintf(stderr, "cpyconf: not verified: nothing ran the cross-built interpreter\n");
		rc = 1;
	}
	build_free(&b);
	return rc;
}

int cmd_config_site(const struct options *opt)
{
	struct build b = { 0 };
	int rc = open_prepared(&b, opt);
	if (rc == 0 && b.t.site_answers.n == 0)
		printf("the config answers none of configure's checks (SITE_ symbols apply to cross builds)\n");
	if (rc == 0)
		rc = config_site_write(&b);
	build_free(&b);
	return rc;
}

int cmd_ccache_stats(const struct options *opt)
{
	struct kconfig *kc = kconfig_load(opt->kconfig);
	int rc = kc ? config_read(kc, opt->config, true) : 1;
	if (rc == 0)
		rc = ccache_show_stats(kc);
	kconfig_free(kc);
	return rc;
}
