// SPDX-License-Identifier: MPL-2.0
#pragma once

// Small helpers of the office's documents shared by the commands that open
// or store one: the property sequences of the API, a file's URL and closing
// a document.

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <utility>

namespace msoko::uno {

/// One named value: property("Hidden", Any(true)).
css::beans::PropertyValue property(const char* name, const css::uno::Any& value);

/// Named values in order, as loadComponentFromURL and storeToURL take them:
/// properties({{"Hidden", Any(true)}, {"ReadOnly", Any(true)}}).
css::uno::Sequence<css::beans::PropertyValue> properties(
    std::initializer_list<std::pair<const char*, css::uno::Any>> items);

/// The file URL of a path of this machine (absolute, normalised), as the
/// office that opens or writes it here takes it.
/// @throws UserError («недопустимое имя файла «…»») when it has none.
rtl::OUString file_url(const std::filesystem::path& file);

/// The path of this machine of a file URL (or a path given as it is).
/// @throws UserError («… не на этом компьютере») for a URL of another machine or scheme.
std::filesystem::path local_path(const rtl::OUString& url_or_path);

/// A spreadsheet the core wrote as flat ODF (`fods`), loaded through a temporary file (removed
/// again), without macros or link updates; `as_template`: a new untitled document. `made`
/// names it in the messages, in the accusative («сделанную форму организации»).
/// @throws UserError when the file cannot be written or the office does not load it.
css::uno::Reference<css::sheet::XSpreadsheetDocument> load_flat_odf(
    const css::uno::Reference<css::frame::XComponentLoader>& loader, const std::string& fods, bool hidden,
    bool as_template, const std::string& made);

/// Closes a document (close(true), or dispose() when it cannot be closed);
/// nothing when there is none, and what the office throws is swallowed.
void close_document(const css::uno::Reference<css::lang::XComponent>& document) noexcept;

/// Closes a document when the scope ends, however it ends.
class ClosedAtExit {
public:
    explicit ClosedAtExit(css::uno::Reference<css::lang::XComponent> document) : document_(std::move(document)) {}
    ~ClosedAtExit() { close_document(document_); }
    ClosedAtExit(const ClosedAtExit&) = delete;
    ClosedAtExit& operator=(const ClosedAtExit&) = delete;

private:
    css::uno::Reference<css::lang::XComponent> document_;
};

}  // namespace msoko::uno
