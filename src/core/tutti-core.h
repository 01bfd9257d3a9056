/* tutti-core.h — libtutti-core: types, JSON codec, validation, formatting, API errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tutti-api.h"
#include "tutti-error.h"
#include "tutti-format.h"
#include "tutti-lang.h"
#include "tutti-schema.h"
#include "tutti-types.h"
#include "tutti-validate.h"
