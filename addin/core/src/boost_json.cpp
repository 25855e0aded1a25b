// SPDX-License-Identifier: MPL-2.0
// Boost.JSON compiled into the core (its documented header-only mode), so
// that the extension carries no dependency on a Boost shared library.
#include <boost/json/src.hpp>
