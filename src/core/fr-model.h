/* fr-model.h — the decision model held by a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain structs owned by an FrModel. Everything that identifies a thing
 * across the model is a string id, so the file format, the undo stack and
 * the methods can refer to it without pointers. Scores and weights are keyed
 * by *leaf* criterion id; groups only organise the tree (their weight is the
 * sum of their leaves).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  FR_DIRECTION_BENEFIT,
  FR_DIRECTION_COST,
} FrDirection;

/* PROMETHEE preference functions (Brans & Vincke 1985 names in comments). */
typedef enum {
  FR_PREF_USUAL,     /* type I   */
  FR_PREF_USHAPE,    /* type II, q */
  FR_PREF_VSHAPE,    /* type III, p */
  FR_PREF_LEVEL,     /* type IV, q and p */
  FR_PREF_LINEAR,    /* type V, q and p */
  FR_PREF_GAUSSIAN,  /* type VI, s */
} FrPreferenceKind;

typedef struct {
  FrPreferenceKind kind;
  double q;
  double p;
  double s;
} FrPreference;

typedef struct {
  double x;      /* in the criterion's own unit */
  double value;  /* 0..1 */
} FrValuePoint;

typedef struct {
  char *id;
  char *name;
  char *description;
  char *unit;
  char *parent_id;          /* NULL at top level; must name a group */
  gboolean is_group;
  FrDirection direction;
  gboolean has_scale;
  double scale_min;
  double scale_max;
  GArray *value_function;   /* FrValuePoint sorted by x; empty = linear */
  FrPreference preference;
} FrCriterion;

typedef struct {
  gboolean has_range;
  double value;
  double low;
  double high;
  char *rationale;          /* nullable */
  char *source_id;          /* nullable */
} FrScore;

typedef struct {
  char *id;
  char *name;
  char *description;
  char *color;              /* "#rrggbb", nullable: palette by position */
  GPtrArray *element_ids;   /* char*, elements this option is built from */
  GHashTable *scores;       /* leaf criterion id → FrScore* */
} FrOption;

typedef struct {
  char *criterion_id;
  double delta;             /* added to the bundle baseline on that criterion */
} FrEffect;

typedef struct {
  char *id;
  char *name;
  char *description;
  char *category;           /* nullable: "military", "political"… */
  char *source_id;          /* nullable */
  GPtrArray *effects;       /* FrEffect* */
  GPtrArray *excludes;      /* char* element ids */
  GPtrArray *requires;      /* char* element ids */
} FrElement;

typedef struct {
  gboolean has_interval;    /* SMAA samples inside [low, high] when set */
  double value;
  double low;
  double high;
} FrWeight;

typedef struct {
  char *id;
  char *name;
  char *color;
  char *rationale;
  double reservation;       /* weighted-sum utility 0..1 below which it walks away */
  GHashTable *weights;      /* leaf criterion id → FrWeight* */
} FrStakeholder;

typedef struct {
  char *id;
  char *title;
  char *author;
  char *publisher;
  char *date;               /* free text as published, e.g. "2025-01-07" */
  char *url;
  char *note;
} FrSource;

typedef enum {
  FR_ALIGNMENT_UNCHANGED = -1,
  FR_ALIGNMENT_NONE = 0,      /* no data */
  FR_ALIGNMENT_NATO,
  FR_ALIGNMENT_NEUTRAL,       /* neutral or non-aligned */
  FR_ALIGNMENT_RUSSIA_ALIGNED,
  FR_ALIGNMENT_RUSSIA,        /* Russia itself (and the USSR) */
  FR_ALIGNMENT_OCCUPIED,      /* occupied by Russia */
  FR_ALIGNMENT_WARSAW_PACT,
  FR_N_ALIGNMENTS
} FrAlignment;

typedef enum {
  FR_EU_UNCHANGED = -1,
  FR_EU_NONE = 0,
  FR_EU_CANDIDATE,
  FR_EU_MEMBER,
  FR_N_EU_STATUSES
} FrEuStatus;

typedef struct {
  char *region;             /* ISO 3166-1 alpha-2 ("FI") or 3166-2 ("UA-43") */
  FrAlignment alignment;
  FrEuStatus eu;
} FrStatusChange;

typedef struct {
  char *id;
  gint32 day;               /* days since 0001-01-01 (GDate julian) */
  char *category;           /* "nato", "eu", "treaty", "war", "neutrality", … */
  char *title;
  char *description;
  char *source_id;
  GPtrArray *changes;       /* FrStatusChange* */
} FrEvent;

typedef struct {
  double lon;
  double lat;
} FrLonLat;

typedef struct {
  char *id;
  char *name;
  char *kind;               /* "dmz", "peacekeeping", "line", "zone" */
  gboolean closed;          /* polygon when TRUE, line otherwise */
  GArray *points;           /* FrLonLat */
} FrZone;

typedef struct {
  char *option_id;
  gint32 day;               /* from when the projection applies */
  char *description;
  GPtrArray *changes;       /* FrStatusChange* */
  GPtrArray *zones;         /* FrZone* */
} FrProjection;

typedef struct {
  char *id;
  char *name;
  gboolean visible;
  char *kml;                /* the layer's KML document, kept verbatim */
  char *href;               /* nullable: a KML file named instead of inline KML,
                             * relative to the document; never opened by the loader */
} FrLayer;

typedef struct {
  char *id;
  char *title;
  char *notes;
  char *stakeholder_id;     /* nullable */
  char *method;             /* "wsm", "topsis", "promethee" */
  char *option_id;          /* selected option, nullable */
  char *chart;              /* "map", "ranking", "profile", "sensitivity", "smaa", "stakeholders", "timeline" */
  gint32 map_day;           /* 0 = document default */
  gboolean has_extent;
  double extent[4];         /* lon_min, lat_min, lon_max, lat_max */
  GHashTable *weights;      /* nullable: leaf criterion id → FrWeight* */
} FrView;

/* Markup on a known element that the loader did not understand (attributes
 * and child elements in another namespace, or from a newer version of ours),
 * kept so that saving writes it back. */
typedef struct {
  char *ns;                 /* namespace URI, NULL for none */
  char *prefix;             /* as written, NULL for none */
  char *name;
  char *value;
} FrForeignAttribute;

typedef struct {
  GPtrArray *attributes;    /* FrForeignAttribute* */
  GPtrArray *elements;      /* char*: serialised, self-contained elements */
} FrForeign;

typedef struct {
  char *title;
  char *description;
  char *author;
  char *language;
  gint32 ceasefire_day;     /* where projections start; 0 = none */

  GPtrArray *sources;       /* FrSource* */
  GPtrArray *criteria;      /* FrCriterion*, tree order: a group precedes its children */
  GPtrArray *elements;      /* FrElement* */
  GHashTable *baseline;     /* leaf criterion id → double*: the score of an empty bundle */
  GPtrArray *options;       /* FrOption* */
  GPtrArray *stakeholders;  /* FrStakeholder* */
  GPtrArray *events;        /* FrEvent*, sorted by day */
  GPtrArray *projections;   /* FrProjection* */
  GPtrArray *layers;        /* FrLayer* */
  GPtrArray *views;         /* FrView* */

  /* XML the loader did not understand (from a newer version), kept verbatim
   * as serialised fragments so that saving does not drop it. */
  GPtrArray *foreign;       /* char* */
  /* The same for markup below the root, keyed by the path fr-xml.c gives
   * the element it sat on ("option:ID/score:CRITERION"); it stays attached
   * as long as that element keeps its ids. */
  GHashTable *extensions;   /* char* path → FrForeign* */
} FrModel;

FrModel        *fr_model_new                 (void);
void            fr_model_free                (FrModel       *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FrModel, fr_model_free)

FrForeign      *fr_foreign_new               (void);
void            fr_foreign_free              (FrForeign     *foreign);
void            fr_foreign_attribute_free    (FrForeignAttribute *attribute);

FrCriterion    *fr_criterion_new             (const char    *id,
                                              const char    *name);
void            fr_criterion_free            (FrCriterion   *criterion);
FrScore        *fr_score_new                 (double         value);
void            fr_score_free                (FrScore       *score);
FrOption       *fr_option_new                (const char    *id,
                                              const char    *name);
void            fr_option_free               (FrOption      *option);
FrEffect       *fr_effect_new                (const char    *criterion_id,
                                              double         delta);
void            fr_effect_free               (FrEffect      *effect);
FrElement      *fr_element_new               (const char    *id,
                                              const char    *name);
void            fr_element_free              (FrElement     *element);
FrWeight       *fr_weight_new                (double         value);
void            fr_weight_free               (FrWeight      *weight);
FrStakeholder  *fr_stakeholder_new           (const char    *id,
                                              const char    *name);
void            fr_stakeholder_free          (FrStakeholder *stakeholder);
FrSource       *fr_source_new                (const char    *id,
                                              const char    *title);
void            fr_source_free               (FrSource      *source);
FrStatusChange *fr_status_change_new         (const char    *region,
                                              FrAlignment    alignment,
                                              FrEuStatus     eu);
void            fr_status_change_free        (FrStatusChange *change);
FrEvent        *fr_event_new                 (const char    *id,
                                              gint32         day,
                                              const char    *title);
void            fr_event_free                (FrEvent       *event);
FrZone         *fr_zone_new                  (const char    *id,
                                              const char    *kind);
void            fr_zone_free                 (FrZone        *zone);
FrProjection   *fr_projection_new            (const char    *option_id,
                                              gint32         day);
void            fr_projection_free           (FrProjection  *projection);
FrLayer        *fr_layer_new                 (const char    *id,
                                              const char    *name,
                                              const char    *kml);
void            fr_layer_free                (FrLayer       *layer);
FrView         *fr_view_new                  (const char    *id,
                                              const char    *title);
void            fr_view_free                 (FrView        *view);

/* Lookups by id; NULL when absent. */
FrCriterion    *fr_model_find_criterion      (const FrModel *model,
                                              const char    *id);
FrOption       *fr_model_find_option         (const FrModel *model,
                                              const char    *id);
FrElement      *fr_model_find_element        (const FrModel *model,
                                              const char    *id);
FrStakeholder  *fr_model_find_stakeholder    (const FrModel *model,
                                              const char    *id);
FrSource       *fr_model_find_source         (const FrModel *model,
                                              const char    *id);
FrView         *fr_model_find_view           (const FrModel *model,
                                              const char    *id);
/* Is @criterion @ancestor_id or below it in the criteria tree? */
gboolean        fr_model_criterion_is_under  (const FrModel     *model,
                                              const FrCriterion *criterion,
                                              const char        *ancestor_id);

/* Leaf criteria (FrCriterion*, borrowed) in tree order: the columns every
 * method works on. */
GPtrArray      *fr_model_leaf_criteria       (const FrModel *model);
double          fr_model_criterion_weight    (const FrModel       *model,
                                              const FrStakeholder *stakeholder,
                                              const char          *criterion_id);

const char     *fr_alignment_to_string       (FrAlignment    alignment);
gboolean        fr_alignment_from_string     (const char    *text,
                                              FrAlignment   *alignment);
const char     *fr_eu_status_to_string       (FrEuStatus     eu);
gboolean        fr_eu_status_from_string     (const char    *text,
                                              FrEuStatus    *eu);
const char     *fr_preference_kind_to_string (FrPreferenceKind kind);
gboolean        fr_preference_kind_from_string (const char       *text,
                                                FrPreferenceKind *kind);

G_END_DECLS
