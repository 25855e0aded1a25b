// SPDX-License-Identifier: MPL-2.0
#pragma once
// The dialog «Создать форму сбора данных…»: municipality, region, period,
// the number of organisations of each type of the catalogue's register, and
// optionally last year's form to take the register (and its values) from.
// Built from UNO control models at run time, since its rows are the
// catalogue's organisation types; keyboard-friendly (mnemonics, tab order,
// Enter = «Создать», Esc = «Отмена», F1 = its help page).
#include "msoko/catalogue.hpp"
#include "msoko/new_form.hpp"

#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <functional>
#include <optional>
#include <string>

namespace msoko::uno {

struct NewFormAnswers {
    NewFormRequest request;
    rtl::OUString last_year_url;  ///< empty: no form of last year
};

/// The dialog's model: every control with its label, in tab order (for tests).
css::uno::Reference<css::uno::XInterface> new_form_dialog_model(
    const css::uno::Reference<css::uno::XComponentContext>& context, const Catalogue& catalogue,
    const NewFormAnswers& defaults);

/// The answers as the dialog's model holds them.
NewFormAnswers new_form_answers(const css::uno::Reference<css::uno::XInterface>& model, const Catalogue& catalogue);

/// Why the answers cannot make a form («Укажите муниципальное образование»), or "".
std::string new_form_problem(const NewFormAnswers& answers);

/// Shows the dialog over `parent` until the user creates a form with valid
/// answers (each problem told over the dialog) or cancels (none).
std::optional<NewFormAnswers> ask_new_form(const css::uno::Reference<css::uno::XComponentContext>& context,
                                           const css::uno::Reference<css::awt::XWindowPeer>& parent,
                                           const Catalogue& catalogue, const NewFormAnswers& defaults);

/// The answers a macro gives the command as its dispatch arguments (no
/// dialog then): Municipality, Region, Period, LastYear (a file URL), and a
/// number per register type by its plural (schools, kindergartens…); none
/// without Municipality. @throws UserError naming what is missing.
std::optional<NewFormAnswers> new_form_arguments(const css::uno::Sequence<css::beans::PropertyValue>& arguments,
                                                 const Catalogue& catalogue);

/// The catalogue of an earlier version of the installed one (history_catalogue()).
using EarlierCatalogue = std::function<const Catalogue&(const std::string& version)>;

/// Last year's form at `url`, opened hidden and read-only, read (the progress
/// shown by sheets when given) and closed again. A form of an earlier version
/// of the catalogue is read by that version's catalogue (`earlier`), and only
/// the values still comparable are taken.
/// @throws UserError when it cannot be opened or is not a form.
LastYearForm read_last_year_form(const css::uno::Reference<css::uno::XComponentContext>& context,
                                 const rtl::OUString& url, const Catalogue& catalogue,
                                 const css::uno::Reference<css::task::XStatusIndicator>& progress,
                                 const EarlierCatalogue& earlier);

}  // namespace msoko::uno
