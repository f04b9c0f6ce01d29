/* csv_ahead.c: csv_read in a second thread. The reading thread copies
 * records into batches, a few of them in turn; the caller takes the
 * records of one batch while the next is filled. While the caller
 * writes what it took into the store, the other processor reads the
 * file, decodes it, splits it into cells and, once told how, parses them.
 *
 * Each batch belongs to one thread at a time: to the reader until it is
 * full, then to the caller until it has taken every record. The lock
 * guards only that handing over and the few flags beside it. */
#include "csv_ahead.h"
#include "i18n.h"

#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define BATCHES 3
#define BATCH_RECORDS 2048
#define BATCH_FIELDS 16384	/* at least CSV_MAX_CELLS */
#define BATCH_TEXT (256 * 1024)	/* grown for a longer record */

struct batch {
	size_t n, nfields, used, size;
	int full;		/* under the lock: handed to the caller */
	char *text;
	struct csv_record records[BATCH_RECORDS];
	struct csv_field fields[BATCH_FIELDS];
	union {			/* aligned for whatever the caller keeps */
		max_align_t align;
		unsigned char bytes[CSV_AHEAD_PREPARED];
	} prepared[BATCH_RECORDS];
};

struct csv_ahead {
	const char *path;
	const void *data;
	size_t len;
	enum encoding encoding;
	csv_source_fn source;	/* or NULL: csv_read */
	void *source_ctx;

	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct batch *batches[BATCHES];

	/* under the lock */
	int done;		/* the reader has returned */
	int stop;		/* the caller wants no more */
	csv_prepare_fn prepare;
	const void *prepare_ctx;
	size_t prepare_size;

	/* the reader's own */
	size_t fill;		/* batches filled so far */
	csv_prepare_fn r_prepare;
	const void *r_ctx;
	size_t r_size;
	int rc;			/* csv_read's, read after the join */
	struct error err;

	/* the caller's own */
	size_t take;		/* batches taken back so far */
	size_t next;		/* the next record in batches[take % BATCHES] */
	int holding;		/* that batch is the caller's */
	int ended;		/* csv_ahead_next has said there are no more */
};

/* Hands the reader's batch over and waits for the next one to be free.
 * Returns the batch to fill, or NULL if the caller wants no more. */
static struct batch *hand_over(struct csv_ahead *a)
{
	struct batch *b;

	pthread_mutex_lock(&a->lock);
	a->batches[a->fill % BATCHES]->full = 1;
	a->fill++;
	pthread_cond_broadcast(&a->changed);
	b = a->batches[a->fill % BATCHES];
	while (b->full && !a->stop)
		pthread_cond_wait(&a->changed, &a->lock);
	a->r_prepare = a->prepare;
	a->r_ctx = a->prepare_ctx;
	a->r_size = a->prepare_size;
	if (a->stop)
		b = NULL;
	pthread_mutex_unlock(&a->lock);
	if (b)
		b->n = b->nfields = b->used = 0;
	return b;
}

/* csv_read's record function in the reading thread: a copy of the record
 * into the batch being filled. */
static int take_record(void *ctx, const struct csv_record *r)
{
	struct csv_ahead *a = ctx;
	struct batch *b = a->batches[a->fill % BATCHES];
	struct csv_record *copy;
	size_t i, bytes = 0;

	for (i = 0; i < r->n; i++)
		bytes += r->fields[i].len + 1;
	if (b->n == BATCH_RECORDS || b->nfields + r->n > BATCH_FIELDS ||
	    b->used + bytes > b->size) {
		if (b->n && !(b = hand_over(a)))
			return 1;
		if (bytes > b->size) {
			char *text = realloc(b->text, bytes);

			if (!text)
				return error_set(&a->err, _("out of memory"));
			b->text = text;
			b->size = bytes;
		}
	}
	copy = &b->records[b->n];
	copy->line = r->line;
	copy->n = r->n;
	copy->fields = &b->fields[b->nfields];
	copy->prepared = NULL;
	for (i = 0; i < r->n; i++) {
		char *text = b->text + b->used;

		memcpy(text, r->fields[i].text, r->fields[i].len + 1);
		b->fields[b->nfields++] = (struct csv_field){ text, r->fields[i].len };
		b->used += r->fields[i].len + 1;
	}
	if (a->r_prepare) {
		memset(b->prepared[b->n].bytes, 0, a->r_size);
		a->r_prepare(a->r_ctx, copy, b->prepared[b->n].bytes);
		copy->prepared = b->prepared[b->n].bytes;
	}
	b->n++;
	return 0;
}

static void *reading(void *arg)
{
	struct csv_ahead *a = arg;

	a->rc = a->source ? a->source(a->source_ctx, take_record, a, &a->err)
			  : csv_read(a->path, a->data, a->len, a->encoding, take_record, a, &a->err);
	pthread_mutex_lock(&a->lock);
	if (a->batches[a->fill % BATCHES]->n && !a->stop) {
		a->batches[a->fill % BATCHES]->full = 1;
		a->fill++;
	}
	a->done = 1;
	pthread_cond_broadcast(&a->changed);
	pthread_mutex_unlock(&a->lock);
	return NULL;
}

static void ahead_free(struct csv_ahead *a)
{
	int i;

	for (i = 0; i < BATCHES; i++) {
		if (a->batches[i])
			free(a->batches[i]->text);
		free(a->batches[i]);
	}
	free(a);
}

static struct csv_ahead *ahead_open(const char *path, const void *data, size_t len,
				    enum encoding encoding, csv_source_fn source, void *source_ctx,
				    struct error *err)
{
	struct csv_ahead *a = calloc(1, sizeof *a);
	sigset_t all, old;
	int i, rc;

	if (!a) {
		error_set(err, _("out of memory"));
		return NULL;
	}
	for (i = 0; i < BATCHES; i++) {
		a->batches[i] = malloc(sizeof *a->batches[i]);
		if (a->batches[i]) {
			a->batches[i]->n = a->batches[i]->nfields = a->batches[i]->used = 0;
			a->batches[i]->full = 0;
			a->batches[i]->size = BATCH_TEXT;
			a->batches[i]->text = malloc(BATCH_TEXT);
		}
		if (!a->batches[i] || !a->batches[i]->text) {
			ahead_free(a);
			error_set(err, _("out of memory"));
			return NULL;
		}
	}
	a->path = path;
	a->data = data;
	a->len = len;
	a->encoding = encoding;
	a->source = source;
	a->source_ctx = source_ctx;
	error_clear(&a->err);
	pthread_mutex_init(&a->lock, NULL);
	pthread_cond_init(&a->changed, NULL);
	/* Signals are the caller's thread's to take, not the reader's. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&a->thread, NULL, reading, a);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		pthread_cond_destroy(&a->changed);
		pthread_mutex_destroy(&a->lock);
		ahead_free(a);
		error_set(err, _("cannot start a thread to read %s"), path);
		return NULL;
	}
	return a;
}

struct csv_ahead *csv_ahead_open(const char *path, const void *data, size_t len,
				 enum encoding encoding, struct error *err)
{
	return ahead_open(path, data, len, encoding, NULL, NULL, err);
}

struct csv_ahead *csv_ahead_open_source(const char *name, csv_source_fn read, void *src,
					struct error *err)
{
	return ahead_open(name, NULL, 0, ENCODING_AUTO, read, src, err);
}

const struct csv_record *csv_ahead_next(struct csv_ahead *a)
{
	struct batch *b = a->batches[a->take % BATCHES];

	if (a->holding) {
		if (a->next < b->n)
			return &b->records[a->next++];
		pthread_mutex_lock(&a->lock);
		b->full = 0;
		a->take++;
		a->holding = 0;
		pthread_cond_broadcast(&a->changed);
		pthread_mutex_unlock(&a->lock);
		b = a->batches[a->take % BATCHES];
	}
	if (a->ended)
		return NULL;
	pthread_mutex_lock(&a->lock);
	while (!b->full && !a->done)
		pthread_cond_wait(&a->changed, &a->lock);
	a->holding = b->full;
	pthread_mutex_unlock(&a->lock);
	if (!a->holding) {
		a->ended = 1;
		return NULL;
	}
	a->next = 1;
	return &b->records[0];
}

void csv_ahead_prepare(struct csv_ahead *a, csv_prepare_fn fn, const void *ctx, size_t size)
{
	if (size > CSV_AHEAD_PREPARED)
		return;		/* no room: the caller does the work */
	pthread_mutex_lock(&a->lock);
	a->prepare = fn;
	a->prepare_ctx = ctx;
	a->prepare_size = size;
	pthread_mutex_unlock(&a->lock);
}

int csv_ahead_close(struct csv_ahead *a, struct error *err)
{
	int rc;

	pthread_mutex_lock(&a->lock);
	a->stop = 1;
	pthread_cond_broadcast(&a->changed);
	pthread_mutex_unlock(&a->lock);
	pthread_join(a->thread, NULL);
	if (!a->ended)
		rc = 1;
	else if (a->rc < 0) {
		*err = a->err;
		rc = -1;
	} else {
		rc = 0;
	}
	pthread_cond_destroy(&a->changed);
	pthread_mutex_destroy(&a->lock);
	ahead_free(a);
	return rc;
}
