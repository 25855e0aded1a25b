// SPDX-License-Identifier: MPL-2.0
#pragma once

// The check before submission as units: one function per family of checks
// (addin/core/src/check/*.cpp), each reading what it needs from one
// CheckContext and adding its findings, built from the kinds' table, to one
// Findings. validate() (validation.cpp) runs them in their order.

#include "check/kinds.hpp"
#include "msoko/form.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/subform_origin.hpp"
#include "msoko/table.hpp"
#include "msoko/validation.hpp"

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace msoko::check {

/// The findings of one check, built one at a time:
/// `out.add(K::Required, sheet, row, col).org(code).field(f.id).say({{"поле", f.title}})`.
class Findings {
public:
    class Builder {
    public:
        Builder(Finding& f, K k) : f_(f), k_(k) {}
        Builder& org(std::string code) {
            f_.organisation = std::move(code);
            return *this;
        }
        Builder& field(std::string id) {
            f_.field = std::move(id);
            return *this;
        }
        Builder& value(std::string shown) {
            f_.value = std::move(shown);
            return *this;
        }
        /// For a catalogue rule: the rule as the report names it and its id unique per rule.
        Builder& rule(std::string rule, std::string id) {
            f_.rule = std::move(rule);
            f_.id = std::move(id);
            return *this;
        }
        Builder& severity(Severity s) {
            f_.severity = s;
            return *this;
        }
        Builder& more(std::size_t n) {
            f_.more = n;
            return *this;
        }
        /// The message: the kind's template with its slots filled.
        Builder& say(const std::vector<std::pair<std::string_view, std::string>>& slots = {});

    private:
        Finding& f_;
        K k_;
    };

    /// A finding of kind `k` at a cell of `sheet` (row and column -1: the whole sheet or the form).
    Builder add(K k, std::string sheet, int row = -1, int col = -1);

    std::vector<Finding> all;
};

// Where an organisation's figure for a field lives, and how it reads.
struct Place {
    const SheetSnapshot* sheet = nullptr;
    int row = -1, col = -1;
    const Cell* raw = nullptr;  ///< in the snapshot, which outlives the check
    struct {
        FieldValue::Status status = FieldValue::Status::Empty;
        double value = 0;
    } value;              ///< how it reads (the reason of an invalid one is reported where it is read)
    std::size_t org = 0;  ///< index into the form's organisations
};

/// The form as read from the direction sheets: organisations in the order
/// met, and each figure with its place, found by organisation and field.
class FormIndex {
public:
    /// The index of an organisation code, added on first sight.
    std::size_t organisation(const std::string& code);
    /// The same, tried first against `hint` (the organisation expected, e.g.
    /// the one after the previous row's: the tables follow the register).
    std::size_t organisation(const std::string& code, std::size_t hint) {
        return hint < codes_.size() && codes_[hint] == code ? hint : organisation(code);
    }
    const std::string& code(std::size_t org) const { return codes_[org]; }
    std::size_t organisations() const { return codes_.size(); }
    void reserve(std::size_t organisations, std::size_t figures);
    void add(const Field* field, const Place& place);
    std::size_t figures() const { return figures_.size(); }
    const std::pair<const Field*, Place>& figure(std::size_t i) const { return figures_[i]; }

    /// After the direction sheets are read: for each field, the organisations that have a figure for it.
    void build();
    /// The organisations that have a figure for `field` (all of them when null).
    const std::vector<std::size_t>& organisations_with(const Field* field);
    /// The figure of an organisation for a field (the last one read), or null.
    const Place* place(std::size_t org, const Field* field) const;

private:
    std::vector<std::string> codes_;
    // The codes' hash table: open addressing, each slot an index into codes_
    // + 1 (0: free), a power of two at most half full; no node per code.
    std::vector<std::uint32_t> slots_;
    void rehash(std::size_t slots);
    std::vector<std::pair<const Field*, Place>> figures_;  // as read
    // Per field met (its column, in the order met): per organisation, its
    // last figure read for the field + 1 (0: none). A figure is found in two
    // look-ups, with no sorting; the last one read wins.
    std::unordered_map<const Field*, std::size_t> column_of_;
    std::vector<std::vector<std::uint32_t>> last_figure_;
    const Field* last_field_ = nullptr;  // the column of the field added last (the next one is often the same)
    std::size_t last_column_ = 0;
    // The columns of the fields looked up last: a rule or a ratio reads the
    // same few fields of every organisation in turn (not for use by two
    // threads at once, as nothing of the check is).
    static constexpr std::size_t kCached = 4;
    mutable const Field* cached_field_[kCached] = {};
    mutable std::size_t cached_column_[kCached] = {};
    mutable std::size_t cache_next_ = 0;
    std::size_t column(const Field* field) const;  // of last_figure_, or past its end
    std::unordered_map<const Field*, std::vector<std::size_t>> orgs_with_;
    std::vector<std::size_t> all_orgs_;
};

/// A direction sheet whose columns were all found: where each form column is.
struct DirectionRead {
    const Direction* direction = nullptr;
    const DirectionSheet* layout = nullptr;
    const SheetSnapshot* sheet = nullptr;
    std::vector<int> col_of;  ///< the sheet's column of each form column
    int code_col = -1, type_col = -1;
    std::size_t figures_begin = 0, figures_end = 0;  ///< its figures in the form index
};

/// Rows of a direction sheet with figures but no organisation.
struct Orphans {
    const SheetSnapshot* sheet;
    int row, col;  ///< the first one's first figure
    std::string field, value;
    std::size_t rows;
};

/// What every check reads, and what the earlier ones found for the later ones.
struct CheckContext {
    CheckContext(const Catalogue& c, const WorkbookSnapshot& wb, CheckSettings s = {});

    const Catalogue& catalogue;
    const WorkbookSnapshot& workbook;
    const CheckSettings settings;  ///< the thresholds of plausibility
    const FormLayout layout;       ///< the columns, which do not depend on the number of rows

    /// Set when the workbook is a sub-form (its passport's block): it is
    /// checked as one — the municipality's row, «Показатели» and the
    /// passport's counts are not its business, its register holds its one
    /// organisation, «Инструкция» is its first sheet.
    std::optional<SubformOrigin> subform;
    /// Set for a frozen copy (its passport stamped): «Показатели» holds values where the form has
    /// formulas, which is what a frozen copy is; they are not called typed over.
    bool frozen_copy = false;
    // identity
    const SheetSnapshot* passport = nullptr;
    std::optional<double> period_from, period_to;  ///< the reporting period as date serials
    // register
    std::vector<int> registered_row;  ///< per organisation: its row in the register, or -1
    std::size_t registered = 0;       ///< organisations in the register
    /// Per type of catalogue.register_types(): the organisations the register holds.
    std::vector<std::size_t> registered_of_type;
    /// Per type of catalogue.register_types(): the organisations the form
    /// should hold — the passport's number, or the register's when that is
    /// larger or the passport gives none.
    std::vector<std::size_t> expected_of_type;
    // the direction sheets as read
    FormIndex form;
    std::vector<DirectionRead> read;
    std::vector<Orphans> orphans;

    /// The sheet of a direction: the one of its name in the form, or, when that
    /// is missing, the first sheet named by the direction's id that is not
    /// another sheet of the form (a renamed sheet; a copy is an extra sheet).
    const SheetSnapshot* direction_sheet(const Direction& d) const;
};

// The families, in the order validate() runs them.
/// Is this our form, of this catalogue and version? False: nothing else is checked.
bool check_identity(CheckContext& ctx, Findings& out);
/// The passport: required items filled, counts whole, the date a date.
void check_passport(CheckContext& ctx, Findings& out);
/// The form's sheets: extra ones and their order.
void check_sheets(CheckContext& ctx, Findings& out);
/// The register «Организации»: codes, names, the passport's counts by type.
void check_register(CheckContext& ctx, Findings& out);
/// A direction sheet's columns by their codes; the sheet as read when all are there.
std::optional<DirectionRead> check_columns(CheckContext& ctx, const Direction& d, Findings& out);
/// Each row of a read direction sheet: its organisation, the form's formulas,
/// every figure's type and range, required fields; the figures go into the index.
void check_cells(CheckContext& ctx, DirectionRead& read, Findings& out);
/// The catalogue's rules, one function per rule kind, over the indexed figures.
void check_rules(CheckContext& ctx, Findings& out);
/// The sheet «Показатели»: the form's formulas and last year's values.
void check_indicators_sheet(CheckContext& ctx, Findings& out);
/// Plausibility: dynamics, zero bases, small bases, outliers.
void check_plausibility(CheckContext& ctx, Findings& out);
/// The sheet «Показатели» missing (told after the others, as ever).
void check_indicators_present(CheckContext& ctx, Findings& out);
/// Rows with figures but no organisation, one finding per sheet.
void check_rows_without_code(CheckContext& ctx, Findings& out);
/// Required fields filled, per read direction sheet.
std::vector<Completeness> completeness(const CheckContext& ctx);
/// Sorted by severity, sheet order, row, column; each rule's findings per sheet capped.
void finish(const WorkbookSnapshot& wb, std::vector<Finding>& findings);

// Shared helpers of the families.
/// A number as a Russian reader writes it: 12,5.
std::string decimal(double v);
/// «; возможно, имелось в виду 12,5» for text typed where a number belongs, or "".
std::string suggestion(const Cell& typed);
/// A cell as the report shows it.
std::string shown(const Cell& c);
/// A cell as text for matching (codes, labels, versions).
std::string text_of(const Cell& c);
/// «Организация 101», or «Муниципальный уровень».
std::string organisation_label(const std::string& code);
/// The row of a passport item now, found by its label in column A, or -1.
int passport_row(const SheetSnapshot& passport, const PassportItem& item);
/// The passport's value of an item (found by its label in column A), or "".
std::string passport_value(const SheetSnapshot& passport, const PassportItem* item);
/// The same for the item of `key` of the context's passport ("" before it is found).
std::string passport_value(const CheckContext& ctx, const std::string& key);
/// The catalogue's municipal organisation type (the municipality's own row of
/// the direction tables).
const OrganisationType* municipal_type(const Catalogue& catalogue);

}  // namespace msoko::check
