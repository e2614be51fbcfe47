"""The grading models of :mod:`fagui.align.grading`: written by
``python benchmarks/fit_grades.py --write`` from the hand-checked alignments
(tests/fixtures/alignment; figures leave-one-pair-out in docs/comparison.md).
Do not edit by hand: change the features or the script and re-run it."""

MODELS = {
    'counterpart': {
        # features: score, group_score, corpus_score, distinctive, best_block, row_margin, column_margin, least_margin, mutual_best, in_order, functional, cited, liability, grown, versions
        'intercept': 6.349885,
        'weights': [-1.686216, -0.388246, 0.253856, 1.062027, 1.310502, 1.09527, 3.023062, -1.058126, -0.003852, -0.106992, 1.866476, 0.891763, -0.229449, -0.187302, 2.512349],
        'mean': [0.517853, 0.551009, 0.563413, 0.775109, 0.595952, 0.325639, 0.315735, 0.295285, 0.881356, 0.84322, 0.069492, 0.027119, 0.09661, 0.291525, 0.328814],
        'scale': [0.320075, 0.300846, 0.297287, 0.166653, 0.318549, 0.294726, 0.297615, 0.30545, 0.323369, 0.252942, 0.254288, 0.162429, 0.295426, 0.454465, 0.469782],
        'sure': {'versions': 0.0, 'jurisdictions': 0.972353},
        'unsure': {'versions': 0.3, 'jurisdictions': 0.3},
    },
    'shares': {
        # features: score, corpus_score, distinctive, article_score, mutual_best, blocks, versions, cited, liability
        'intercept': 0.232623,
        'weights': [0.284699, 0.36693, 0.276225, 0.64338, 0.372871, 0.180395, -1.214007, 2.907058, 0.125424],
        'mean': [0.352454, 0.420115, 0.66421, 0.17877, 0.475936, 1.106952, 0.053476, 0.15508, 0.101604],
        'scale': [0.149688, 0.162948, 0.130913, 0.093039, 0.499421, 0.565784, 0.224981, 0.361981, 0.302127],
        'sure': {'versions': 1.0, 'jurisdictions': 0.77761},
        'unsure': {'versions': 1.0, 'jurisdictions': 0.3},
    },
    'alone': {
        # features: best_article, best_block, best_is_free, versions, liability
        'intercept': 2.604374,
        'weights': [-0.950625, -0.179788, -0.453348, 0.393531, 0.778614],
        'mean': [0.115273, 0.147457, 0.135417, 0.066667, 0.177083],
        'scale': [0.053182, 0.077029, 0.342168, 0.249444, 0.381739],
        'sure': {'versions': 0.939089, 'jurisdictions': 0.981337},
        'unsure': {'versions': 0.0, 'jurisdictions': 0.0},
    },
}
