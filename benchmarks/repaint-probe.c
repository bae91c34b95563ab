/* repaint-probe.c — how many pixels GTK repaints per frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded with LD_PRELOAD into a GTK program drawn with the cairo renderer
 * under X11:
 *
 *   LD_PRELOAD=…/benchmarks/librepaint-probe.so app-bench live 60
 *
 * GDK's X11 cairo context asks for the extents of each frame's repaint
 * region through cairo_region_get_extents(); this wraps that function and,
 * at exit, prints for the caller that asked most often (GDK's frame) the
 * median number of rectangles and of pixels in the region. GTK has no
 * public way to read the region, and it is what a frame costs under the
 * cairo renderer: every node inside it is drawn again.
 */
#define _GNU_SOURCE

#include <cairo.h>
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_FRAMES 100000
#define MAX_CALLERS 8

typedef void (*ExtentsFunc) (const cairo_region_t *, cairo_rectangle_int_t *);

typedef struct {
  uintptr_t caller;
  unsigned n;
  long *areas;
  int *rects;
} Caller;

static Caller callers[MAX_CALLERS];

static int
compare_long (const void *a, const void *b)
{
  long x = *(const long *) a, y = *(const long *) b;
  return (x > y) - (x < y);
}

static int
compare_int (const void *a, const void *b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

static void
report (void)
{
  Caller *most = NULL;

  for (int i = 0; i < MAX_CALLERS; i++)
    if (callers[i].n > 0 && (most == NULL || callers[i].n > most->n))
      most = &callers[i];
  if (most == NULL)
    return;
  qsort (most->areas, most->n, sizeof (long), compare_long);
  qsort (most->rects, most->n, sizeof (int), compare_int);
  fprintf (stderr, "repaint regions: %u frames, median %ld pixels in %d rectangles (largest %ld pixels)\n",
           most->n, most->areas[most->n / 2], most->rects[most->n / 2], most->areas[most->n - 1]);
}

void
cairo_region_get_extents (const cairo_region_t  *region,
                          cairo_rectangle_int_t *extents)
{
  static ExtentsFunc real;
  uintptr_t caller = (uintptr_t) __builtin_return_address (0);
  int n_rects;
  long area = 0;
  Caller *slot = NULL;

  if (real == NULL)
    {
      real = (ExtentsFunc) dlsym (RTLD_NEXT, "cairo_region_get_extents");
      atexit (report);
    }
  real (region, extents);

  for (int i = 0; i < MAX_CALLERS && slot == NULL; i++)
    if (callers[i].caller == caller || callers[i].caller == 0)
      slot = &callers[i];
  if (slot == NULL || slot->n >= MAX_FRAMES)
    return;
  if (slot->caller == 0)
    {
      slot->caller = caller;
      slot->areas = malloc (MAX_FRAMES * sizeof (long));
      slot->rects = malloc (MAX_FRAMES * sizeof (int));
      if (slot->areas == NULL || slot->rects == NULL)
        return;
    }
  n_rects = cairo_region_num_rectangles (region);
  for (int i = 0; i < n_rects; i++)
    {
      cairo_rectangle_int_t rect;

      cairo_region_get_rectangle (region, i, &rect);
      area += (long) rect.width * rect.height;
    }
  slot->areas[slot->n] = area;
  slot->rects[slot->n] = n_rects;
  slot->n++;
}
