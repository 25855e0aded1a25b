// SPDX-License-Identifier: MPL-2.0
#pragma once

// The check before submission: reads a snapshot of a workbook (every sheet's
// values and formulas, as the office holds them) and finds every problem of a
// form of the catalogue, each as a typed finding with its place, severity and
// a message in plain Russian. The report is data first; sheets and texts are
// rendered from it. Nothing here changes a value.

#include "msoko/catalogue.hpp"
#include "msoko/cell.hpp"
#include "msoko/finding_kinds.hpp"

#include <atomic>
#include <string>
#include <utility>
#include <vector>

namespace msoko {

/// The rows of a sheet still being read while the check runs (the reader
/// fills them on another thread, in blocks of rows): a row is read only once
/// it has arrived, and never written after that.
class RowArrival {
public:
    virtual ~RowArrival() = default;
    /// Returns once at least the first `rows` rows hold their values and
    /// formulas (or the reading was given up: the rest stay empty).
    virtual void wait(std::size_t rows) const = 0;
    /// How many rows have arrived (a lower bound, published by wait()'s implementation).
    mutable std::atomic<std::size_t> ready{0};
};

/// One sheet as the office holds it: values (formula results included) and,
/// per cell, whether it holds a formula or a typed value.
struct SheetSnapshot {
    std::string name;
    std::size_t rows = 0, cols = 0;
    std::vector<Cell> values;    ///< row-major, rows × cols
    std::vector<char> formulas;  ///< row-major; non-zero for a formula cell
    /// While the sheet is being read: its rows' arrival (null once it is
    /// complete, as always after snapshot() returns). value() and
    /// is_formula() wait for their row.
    const RowArrival* arrival = nullptr;

    /// A complete sheet of `rows` × `cols` empty cells (tests, benchmarks, fuzzing).
    static SheetSnapshot blank(std::string sheet, std::size_t n_rows, std::size_t n_cols) {
        SheetSnapshot s;
        s.name = std::move(sheet);
        s.rows = n_rows;
        s.cols = n_cols;
        s.values.assign(n_rows * n_cols, Cell::empty());
        s.formulas.assign(n_rows * n_cols, 0);
        return s;
    }
    /// Sets a cell of a complete sheet, as typed (`formula`: the office holds a formula there).
    void set(std::size_t r, std::size_t c, Cell v, bool formula = false) {
        values[r * cols + c] = std::move(v);
        formulas[r * cols + c] = formula;
    }

    const Cell& value(std::size_t r, std::size_t c) const {
        static const Cell empty;
        if (r >= rows || c >= cols)
            return empty;
        arrive(r);
        return values[r * cols + c];
    }
    bool is_formula(std::size_t r, std::size_t c) const {
        if (r >= rows || c >= cols)
            return false;
        arrive(r);
        return formulas[r * cols + c] != 0;
    }

private:
    void arrive(std::size_t r) const {
        if (arrival && r >= arrival->ready.load(std::memory_order_acquire))
            arrival->wait(r + 1);
    }
};

struct WorkbookSnapshot {
    std::vector<SheetSnapshot> sheets;
    const SheetSnapshot* sheet(const std::string& name) const;
};

struct Finding {
    Severity severity = Severity::Error;
    std::string sheet;
    int row = -1, col = -1;    ///< 0-based; -1 when the finding concerns a whole sheet or the form
    std::string organisation;  ///< code, when it concerns one
    std::string field;         ///< field or indicator id, when it concerns one
    std::string value;         ///< the cell as it reads, when it concerns one
    std::string message;       ///< plain Russian, names organisation and field
    std::string rule;  ///< what was checked: a rule id such as `type.count` or a catalogue rule `5.1.1/part_whole`
    /// For the finding that closes a long list: how many further findings of
    /// its rule on its sheet it stands for (they are counted, not listed).
    std::size_t more = 0;
    /// The kind of finding: an id of finding_kinds(), e.g. `type.count`,
    /// `rule.part_whole`; its message was made from the kind's template.
    std::string kind;
    /// What was checked, unique per check: `rule`, except for a catalogue
    /// rule, which is told apart from the other rules of its kind and
    /// direction (`5.1.1/part_whole/noo_excellent`, see rule_ids()).
    std::string id;
};

struct Completeness {
    std::string direction;  ///< direction id
    std::string sheet;
    std::size_t required = 0, filled = 0;
    /// The direction has required fields of organisations, but the form
    /// expects no organisation at all (an empty register, no numbers in the
    /// passport): 0 %, whatever the municipal row holds.
    bool nobody = false;
    double percent() const {
        if (nobody)
            return 0.0;
        return required ? 100.0 * static_cast<double>(filled) / static_cast<double>(required) : 100.0;
    }
};

struct ValidationReport {
    std::vector<Finding> findings;  ///< sorted: severity, then sheet order, row, column
    std::vector<Completeness> completeness;
    /// Sheets whose problem cells the office could not mark (protected with a
    /// password): told in the summary, each with a finding saying what to do.
    std::vector<std::string> unmarked_sheets;
    /// The workbook is a sub-form of one organisation (msoko/subform.hpp),
    /// checked as one: the summary says whether it is ready to go back to the municipality.
    bool subform = false;
    /// The workbook is a frozen copy (its passport stamped, msoko/form_layout.hpp's
    /// PassportStamp): «Показатели» holds the values of the МСОКО formulas, as a copy should.
    bool frozen_copy = false;
    /// Findings of a severity, the ones a closing finding stands for included.
    std::size_t count(Severity s) const;
    bool ready() const { return count(Severity::Error) == 0; }
    /// «Ошибок: N · Предупреждений: M · Сведений: K — форма готова к отправке» (or «не готова»; a
    /// sub-form's: «— форма организации готова к отправке в муниципалитет»),
    /// and the sheets left unmarked, when there are any.
    std::string summary() const;
    /// Records that the `cells` problem cells of `sheet` could not be marked
    /// because `password_sheet` (the sheet itself, or another one that kept the
    /// marks' styles from being made) is protected with a password.
    void note_unmarked(const std::string& sheet, std::size_t cells, const std::string& password_sheet);
};

/// At most this many findings of one rule on one sheet are listed; the rest
/// are counted in one finding after them («… и ещё 99 000 таких ячеек»).
inline constexpr std::size_t kMaxFindingsPerRule = 50;

/// The thresholds of the plausibility checks, which a user may set (Tools →
/// Options → LibreOffice Calc → МСОКО in the extension, `msoko check
/// --dynamics-points …` on the command line). The defaults are the values
/// the check has always used; the rest of the check has no settings.
struct CheckSettings {
    /// A percentage indicator on «Показатели» that moved by more than this
    /// many percentage points against last year is a warning.
    double dynamics_points = 10;
    /// A share of 0 or 100 % over a denominator below this (people) is noted
    /// as unstable; 0: never.
    double small_base = 10;
    /// A share farther from the median of the organisations the indicator
    /// concerns than this many scaled median absolute deviations (1.4826 ×
    /// MAD, comparable to standard deviations) is a warning. Fewer than
    /// kMinOrganisationsToCompare organisations are never compared.
    double outlier_distance = 3;

    /// Below this many organisations with a share, none is called an outlier (not a setting).
    static constexpr std::size_t kMinOrganisationsToCompare = 5;

    /// One of the settings, for telling a user what a value may be.
    enum class Item { DynamicsPoints, SmallBase, OutlierDistance };
    struct Limits {
        double min, max;
        bool integer;  ///< a whole number only
    };
    /// The values a setting may take, both ends included.
    static constexpr Limits limits(Item item) {
        switch (item) {
            case Item::DynamicsPoints:
                return {0.1, 100, false};
            case Item::SmallBase:
                return {0, 1000, true};
            case Item::OutlierDistance:
                return {0.5, 20, false};
        }
        return {0, 0, false};
    }
    /// Why `value` cannot be the setting, in Russian («целое число от 0 до
    /// 1000»), or "" when it can.
    static std::string problem(Item item, double value);
    /// The first setting out of its limits with its problem («порог малой
    /// базы: …»), or "" when all are within them.
    std::string problem() const;
};

/// Checks a workbook against the catalogue's form, with the default settings.
ValidationReport validate(const Catalogue& catalogue, const WorkbookSnapshot& workbook);
/// The same with the user's thresholds of the plausibility checks (each
/// taken as it is: the caller keeps them within CheckSettings::limits).
ValidationReport validate(const Catalogue& catalogue, const WorkbookSnapshot& workbook, const CheckSettings& settings);

/// A suggested reading of text typed where a number belongs («12 чел.» → 12,
/// «1 2» → 12, «12,5» → 12.5), or an empty string when there is none.
std::string suggested_number(const std::string& text);

}  // namespace msoko
