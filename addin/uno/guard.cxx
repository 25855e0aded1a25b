// SPDX-License-Identifier: MPL-2.0
#include "guard.hxx"

namespace msoko::uno {}  // namespace msoko::uno
