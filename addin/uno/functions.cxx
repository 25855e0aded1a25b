// SPDX-License-Identifier: MPL-2.0
#include "functions.hxx"

#include "convert.hxx"
#include "extension.hxx"
#include "function_table.hxx"
#include "guard.hxx"
#include "msoko/results.hpp"
#include "msoko/share.hpp"
#include "msoko/table.hpp"
#include "msoko/version.hpp"

#include <com/sun/star/document/XDocumentEventListener.hpp>
#include <com/sun/star/frame/theGlobalEventBroadcaster.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <limits>
#include <optional>
#include <string>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Sequence;

namespace {

OUString text(const char* utf8) {
    return from_utf8(utf8);
}

// A core Result as a cell value: a number; void (#N/A) when not applicable
// or when data are missing; IllegalArgumentException (Err:502) when invalid.
Any to_cell_result(const Result& r, const css::uno::Reference<css::uno::XInterface>& self) {
    switch (r.status()) {
        case Result::Status::Value:
            return Any(r.value());
        case Result::Status::NotApplicable:
        case Result::Status::MissingData:
            log().debug("no value: {}", r.reason());
            return Any();
        case Result::Status::Invalid:
            break;
    }
    throw css::lang::IllegalArgumentException(from_utf8(r.reason()), self, 0);
}

// One element of an array result: a number; #N/A when not applicable or
// missing; Err:502 when invalid (void would show as an empty cell).
Any to_array_element(const Result& r, const std::string& indicator) {
    switch (r.status()) {
        case Result::Status::Value:
            return Any(r.value());
        case Result::Status::NotApplicable:
        case Result::Status::MissingData:
            return Any(error_element(kNotAvailableError));
        case Result::Status::Invalid:
            break;
    }
    log().info("MSOKO.INDICATORS: {}: {}", indicator, r.reason());
    return Any(error_element(kIllegalArgumentError));
}

// A number argument passed as text (to_scalar): what to show instead of a
// result when it is not one number — #N/A when empty (not filled in yet),
// Err:502 when it is text.
std::optional<Result> not_a_number(const Cell& c, const std::string& what) {
    if (c.is_empty())
        return Result::missing(what + " is empty");
    if (c.kind() != Cell::Kind::Number)
        return Result::invalid(what + " is not a number");
    return std::nullopt;
}

// Bad scores say so before a limit that is missing (invalid wins, as in the
// tables): `scored` is the scores checked alone.
Result worse(const Result& scored, const Result& limit) {
    return scored.status() == Result::Status::Invalid ? scored : limit;
}

}  // namespace

Functions::Functions(css::uno::Reference<css::uno::XComponentContext> context) : context_(std::move(context)) {}

Sequence<OUString> Functions::supported_services() {
    Sequence<OUString> names(2);
    names.getArray()[0] = "com.sun.star.sheet.AddIn";
    names.getArray()[1] = OUString::createFromAscii(kServiceName);
    return names;
}

bool Functions::russian() const {
    std::lock_guard lock(mutex_);
    return locale_.Language == "ru";
}

const Catalogue* Functions::catalogue() {
    try {
        return &installed_catalogue(context_);
    } catch (const std::exception& e) {
        log_failure(e.what());
    } catch (const css::uno::Exception& e) {
        log_failure(to_utf8(e.Message));
    }
    return nullptr;
}

// A failure is tried again at the next call (it may be passing), but logged once.
void Functions::log_failure(const std::string& reason) {
    std::lock_guard lock(failure_mutex_);
    if (reason != last_failure_)
        log().error("catalogue not loaded: {}", reason);
    last_failure_ = reason;
}

const Catalogue& Functions::required_catalogue() {
    const Catalogue* c = catalogue();
    if (!c)
        throw css::lang::IllegalArgumentException("the indicator catalogue could not be loaded (see the log)", *this,
                                                  0);
    return *c;
}

namespace {

// Empties the table cache when any document is closed: its tables would
// otherwise stay in memory until others push them out.
class CloseListener final : public cppu::WeakImplHelper1<css::document::XDocumentEventListener> {
public:
    explicit CloseListener(std::weak_ptr<TableCache> cache) : cache_(std::move(cache)) {}
    void SAL_CALL documentEventOccured(const css::document::DocumentEvent& event) override {
        if (event.EventName == "OnUnload")
            if (const auto cache = cache_.lock())
                cache->clear();
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    std::weak_ptr<TableCache> cache_;
};

}  // namespace

TableCache& Functions::tables() {
    std::call_once(listening_, [&] {
        try {
            css::frame::theGlobalEventBroadcaster::get(context_)->addDocumentEventListener(new CloseListener(tables_));
        } catch (const css::uno::Exception& e) {
            log().info("the table cache is not emptied when a document closes: {}", to_utf8(e.Message));
        }
    });
    return *tables_;
}

// XFunctions

Any Functions::share(const Sequence<Sequence<Any>>& numerators, const Sequence<Sequence<Any>>& denominators) {
    return guarded("MSOKO.SHARE", [&] {
        return to_cell_result(msoko::share(to_range(numerators, 0), to_range(denominators, 1)), *this);
    });
}

OUString Functions::version() {
    return guarded("MSOKO.VERSION", [&] {
        const Catalogue* c = catalogue();
        return from_utf8(version_text(c ? &c->info : nullptr));
    });
}

Any Functions::indicator(const OUString& id, const Sequence<Sequence<Any>>& table, const Any& organisation) {
    return guarded("MSOKO.INDICATOR", [&] {
        const Catalogue& c = required_catalogue();
        std::optional<std::string> code;
        if (organisation.hasValue()) {
            code = organisation_code(to_single(organisation, 2));
            if (!code)
                throw css::lang::IllegalArgumentException("the organisation code is empty or not a code", *this, 2);
        }
        const std::string indicator_id = to_utf8(id);
        if (!c.indicator(indicator_id))
            throw css::lang::IllegalArgumentException("unknown indicator id", *this, 0);
        const auto read = tables().get(c, to_table_range(table, 1));
        if (const auto* bad = std::get_if<Result>(read.get()))
            return to_cell_result(*bad, *this);
        return to_cell_result(indicator_in_table(c, std::get<Table>(*read), indicator_id, code), *this);
    });
}

Sequence<Sequence<Any>> Functions::indicators(const Sequence<Sequence<Any>>& table) {
    return guarded("MSOKO.INDICATORS", [&] {
        const Catalogue& c = required_catalogue();
        const auto read = tables().get(c, to_table_range(table, 0));
        if (const auto* bad = std::get_if<Result>(read.get()))
            throw css::lang::IllegalArgumentException(from_utf8(bad->reason()), *this, 0);
        const IndicatorGrid grid = indicators_in_table(c, std::get<Table>(*read));
        // The result lines up with the table: its trailing empty rows (left out
        // of the computation) come back as #N/A before the municipal row — up
        // to kLinedUpRows; a reference far beyond its data (a whole column)
        // gets the municipal row right after its last row of data.
        constexpr sal_Int32 kLinedUpRows = 65536;
        const std::size_t computed = grid.values.size() - 1;  // data rows, without the municipality
        const std::size_t blank = table.getLength() <= kLinedUpRows && table.getLength() > 0
                                      ? static_cast<std::size_t>(table.getLength() - 1) - computed
                                      : 0;
        Sequence<Sequence<Any>> out(static_cast<sal_Int32>(grid.values.size() + blank));
        auto* rows = out.getArray();
        const auto emit = [&](std::size_t at, const std::vector<Result>& values) {
            Sequence<Any> row(static_cast<sal_Int32>(values.size()));
            auto* cells = row.getArray();
            for (std::size_t k = 0; k < values.size(); ++k)
                cells[k] = to_array_element(values[k], grid.indicators[k]);
            rows[at] = row;
        };
        for (std::size_t r = 0; r < computed; ++r)
            emit(r, grid.values[r]);
        const std::vector<Result> none(grid.indicators.size(), Result::missing("a blank row of the table"));
        for (std::size_t r = 0; r < blank; ++r)
            emit(computed + r, none);
        emit(computed + blank, grid.values.back());
        return out;
    });
}

OUString Functions::title(const OUString& id) {
    return guarded("MSOKO.TITLE", [&] {
        const Indicator* ind = required_catalogue().indicator(to_utf8(id));
        if (!ind)
            throw css::lang::IllegalArgumentException("unknown indicator id", *this, 0);
        return from_utf8(ind->title);
    });
}

OUString Functions::unit(const OUString& id) {
    return guarded("MSOKO.UNIT", [&] {
        const Indicator* ind = required_catalogue().indicator(to_utf8(id));
        if (!ind)
            throw css::lang::IllegalArgumentException("unknown indicator id", *this, 0);
        return from_utf8(ind->unit);
    });
}

Any Functions::marks(const Sequence<Sequence<Any>>& exam_marks, const Sequence<Sequence<Any>>& journal_marks,
                     const OUString& mode) {
    return guarded("MSOKO.MARKS", [&] {
        return to_cell_result(msoko::marks(to_range(exam_marks, 0), to_range(journal_marks, 1), to_utf8(mode)), *this);
    });
}

Any Functions::belowMin(const Sequence<Sequence<Any>>& scores, const OUString& minimum) {
    return guarded("MSOKO.BELOWMIN", [&] {
        const Range participants = to_range(scores, 0);
        const Cell limit = to_scalar(minimum);
        if (const auto bad = not_a_number(limit, "the minimum"))
            return to_cell_result(worse(below_min(participants, 0), *bad), *this);
        return to_cell_result(below_min(participants, limit.number()), *this);
    });
}

Any Functions::scoreBand(const Sequence<Sequence<Any>>& scores, const OUString& lower_limit, const Any& upper_limit) {
    return guarded("MSOKO.SCOREBAND", [&] {
        const Range participants = to_range(scores, 0);
        const Cell lower = to_scalar(lower_limit);
        if (const auto bad = not_a_number(lower, "the lower limit"))
            return to_cell_result(worse(score_band(participants, 0, std::nullopt), *bad), *this);
        std::optional<double> upper;
        if (upper_limit.hasValue()) {  // omitted: no upper limit; empty too
            const Cell c = to_single(upper_limit, 2);
            if (c.kind() == Cell::Kind::Number)
                upper = c.number();
            else if (!c.is_empty())
                throw css::lang::IllegalArgumentException("the upper limit is not a number", *this, 2);
        }
        return to_cell_result(score_band(participants, lower.number(), upper), *this);
    });
}

Any Functions::dynamics(const OUString& current, const OUString& previous) {
    return guarded("MSOKO.DYNAMICS", [&] {
        return to_cell_result(msoko::dynamics(Range::single(to_scalar(current)), Range::single(to_scalar(previous))),
                              *this);
    });
}

// XAddIn

OUString Functions::getProgrammaticFuntionName(const OUString& display_name) {
    return guarded_or("XAddIn::getProgrammaticFuntionName", OUString(), [&] {
        const FunctionInfo* f = find_by_display(to_utf8(display_name));
        return f ? OUString::createFromAscii(f->method) : OUString();
    });
}

OUString Functions::getDisplayFunctionName(const OUString& programmatic_name) {
    return guarded_or("XAddIn::getDisplayFunctionName", OUString(), [&] {
        const FunctionInfo* f = find_by_method(to_utf8(programmatic_name));
        return f ? text(f->display.in(russian())) : OUString();
    });
}

OUString Functions::getFunctionDescription(const OUString& programmatic_name) {
    return guarded_or("XAddIn::getFunctionDescription", OUString(), [&] {
        const FunctionInfo* f = find_by_method(to_utf8(programmatic_name));
        return f ? text(f->description.in(russian())) : OUString();
    });
}

OUString Functions::getDisplayArgumentName(const OUString& programmatic_name, sal_Int32 argument) {
    return guarded_or("XAddIn::getDisplayArgumentName", OUString(), [&] {
        const FunctionInfo* f = find_by_method(to_utf8(programmatic_name));
        if (!f || argument < 0 || static_cast<std::size_t>(argument) >= f->parameters.size())
            return OUString();
        return text(f->parameters[static_cast<std::size_t>(argument)].name.in(russian()));
    });
}

OUString Functions::getArgumentDescription(const OUString& programmatic_name, sal_Int32 argument) {
    return guarded_or("XAddIn::getArgumentDescription", OUString(), [&] {
        const FunctionInfo* f = find_by_method(to_utf8(programmatic_name));
        if (!f || argument < 0 || static_cast<std::size_t>(argument) >= f->parameters.size())
            return OUString();
        return text(f->parameters[static_cast<std::size_t>(argument)].description.in(russian()));
    });
}

OUString Functions::getProgrammaticCategoryName(const OUString&) {
    // Calc knows a fixed set of categories; "Add-In" is the one for extensions.
    return "Add-In";
}

OUString Functions::getDisplayCategoryName(const OUString&) {
    return guarded_or("XAddIn::getDisplayCategoryName", OUString(), [&] {
        return text(Text{"Надстройки", "Add-In"}.in(russian()));
    });
}

// XLocalizable

void Functions::setLocale(const css::lang::Locale& locale) {
    std::lock_guard lock(mutex_);
    locale_ = locale;
}

css::lang::Locale Functions::getLocale() {
    std::lock_guard lock(mutex_);
    return locale_;
}

// XServiceName

OUString Functions::getServiceName() {
    return OUString::createFromAscii(kServiceName);
}

// XServiceInfo

OUString Functions::getImplementationName() {
    return OUString::createFromAscii(kImplementationName);
}

sal_Bool Functions::supportsService(const OUString& name) {
    return cppu::supportsService(this, name);
}

Sequence<OUString> Functions::getSupportedServiceNames() {
    return supported_services();
}

}  // namespace msoko::uno
