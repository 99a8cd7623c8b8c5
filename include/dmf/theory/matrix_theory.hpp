// Transitional: the printed formulas now live one file per paper.
#pragma once

#include "dmf/theory/kp.hpp"
