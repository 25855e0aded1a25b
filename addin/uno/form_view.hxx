// SPDX-License-Identifier: MPL-2.0
#pragma once

// The view of a form: not data, and not stored by every format, so it is
// applied after a form is opened (by NewForm, and by msoko convert before it
// saves the samples).

#include "msoko/catalogue.hpp"

#include <com/sun/star/uno/XInterface.hpp>

namespace msoko::uno {

/// Freezes the header rows and columns of every sheet of a form and shows
/// «Паспорт» first. Does nothing for a document without a view.
void freeze_panes(const css::uno::Reference<css::uno::XInterface>& document, const Catalogue& catalogue);

}  // namespace msoko::uno
