// SPDX-License-Identifier: MPL-2.0
#pragma once

// The form's contract: where everything of a data-collection form lives.
// Every sheet name, passport row and label, register column, direction
// table, «Показатели» column and which cells the user types and which the
// form computes — computed from the catalogue here, and nowhere else. The
// writer writes from it; the check, the glue and the command line read a
// workbook by it.

#include "msoko/catalogue.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace msoko {

// --- sheets ------------------------------------------------------------------

inline constexpr const char* kPassportSheet = "Паспорт";
inline constexpr const char* kRegisterSheet = "Организации";
inline constexpr const char* kIndicatorsSheet = "Показатели";
/// The municipality's assessment procedures (seed 003's bank), after «Показатели».
inline constexpr const char* kProceduresSheet = "Процедуры оценки";
/// A direction's sheet: «5.1.1 Подготовка обучающихся» (id, space, short title).
std::string direction_sheet_name(const Direction& direction);
/// Every sheet of the form in its order: passport, register, directions,
/// «Показатели», «Процедуры оценки».
std::vector<std::string> form_sheet_names(const Catalogue& catalogue);

// --- the municipality's own row ---------------------------------------------

/// The municipality's code in direction tables and the engine.
inline constexpr const char* kMunicipalityCode = "УО";
/// Its name in the direction tables' «Организация» column.
inline constexpr const char* kMunicipalityRowName = "Муниципальный уровень (УО)";
/// Its name as the engine sees it (form_workbook).
inline constexpr const char* kMunicipalityName = "Муниципальный уровень";
/// The label (column B) of the row of municipal totals under a direction table.
inline constexpr const char* kTotalRowLabel = "Итого по муниципалитету";

/// What a cell of the form holds, as the form writes it.
enum class CellRole {
    Typed,          ///< the user types it (a yellow input cell)
    Computed,       ///< the form's formula: a value typed over it is a mistake
    Fixed,          ///< a text the form writes (protected, no formula)
    NotApplicable,  ///< grey: the field does not concern the row
};

/// The background of a cell the user types into (0xRRGGBB): the form's input
/// cells, the report's «Пояснение».
inline constexpr int kInputCellColour = 0xFFF2CC;

// --- «Паспорт» -----------------------------------------------------------------

/// A row of the passport: label in column A, value in column B.
struct PassportItem {
    std::string key;  ///< municipality, region, period, …, schools_expected, catalogue_id, catalogue_version, generator
    std::string label;  ///< «Муниципальное образование»
    int row = 0;        ///< 0-based
    FieldType type = FieldType::Text;
    bool required = false;  ///< the user must fill it (the form says «обязательно»)
    /// Items of the same group, e.g. `contact` (phone, e-mail): at least one
    /// of them must be filled, none on its own.
    std::string one_of;
    CellRole role = CellRole::Typed;  ///< Typed, or Fixed: written by the form (catalogue, version, generator)
    std::string org_type;             ///< for the counts «Число … (ОО)»: the type counted
    std::string range_name;           ///< the named range of its value cell, e.g. passport_municipality
};

/// A row of the stamp a frozen copy carries (the copy for the regional
/// centre, its МСОКО formulas replaced by their values): label in column A,
/// value in column B, like a passport item.
struct StampItem {
    std::string key;    ///< kStampPreparedAt, kStampExtensionVersion, kStampCatalogue, kStampCheckSummary
    std::string label;  ///< «Подготовлено к отправке»
    int row = 0;        ///< 0-based
};

/// The stamp's block: a heading, then its items, below the passport's items
/// and its hint line. A form has no stamp; only its frozen copy is stamped.
/// The check and the form reader find passport items by their labels, which
/// no stamp label repeats: a stamped passport reads as the form's own.
struct PassportStamp {
    /// The heading (column A): what the copy is.
    static constexpr const char* kHeading = "Копия для отправки: формулы МСОКО заменены их значениями";
    int heading_row = 0;           ///< 0-based
    std::vector<StampItem> items;  ///< in their order, each on the row below the one before

    /// The item of `key`, or null.
    const StampItem* item(const std::string& key) const;
    /// The last row of the block.
    int last_row() const;
    /// The same block with its heading on `row` (a passport whose used rows
    /// reach the contract's place — rows inserted by the user — is stamped
    /// below them).
    PassportStamp moved_to(int row) const;
    /// The block for a passport whose last item (kPassportGenerator's) is on
    /// `last_item_row`: under the hint, which is under the items.
    static PassportStamp below(int last_item_row);
    /// Is `label` (trimmed) the heading or an item's label of the stamp?
    static bool is_stamp_label(const std::string& label);
};

/// Keys of the stamp's items.
inline constexpr const char* kStampPreparedAt = "prepared_at";              ///< date and time, as the user reads it
inline constexpr const char* kStampExtensionVersion = "extension_version";  ///< msoko/version.hpp's
inline constexpr const char* kStampCatalogue = "catalogue";                 ///< the catalogue's id and version
inline constexpr const char* kStampCheckSummary = "check_summary";          ///< the check's summary

struct PassportLayout {
    static constexpr int kHeaderRow = 2;  ///< «Сведение» | «Значение»
    static constexpr int kLabelColumn = 0, kValueColumn = 1;
    std::vector<PassportItem> items;  ///< in their order
    /// The row of the hint under the items («Жёлтые ячейки заполняются…»):
    /// one empty row under the last item.
    int hint_row = 0;
    static constexpr int kHintBelowLastItem = 2;
    /// Where a frozen copy's stamp goes: PassportStamp::below() the last item.
    PassportStamp stamp;

    /// The item of `key`, or null.
    const PassportItem* item(const std::string& key) const;
    /// The 0-based row of `key`, or -1.
    int row(const std::string& key) const;
    /// The key of a type's count, e.g. schools_expected.
    static std::string count_key(const OrganisationType& type);
    /// The label of an item every passport has, whatever the catalogue (all
    /// but the counts), e.g. «Отчётный период» of `period`; null for another key.
    static const char* label_of(const std::string& key);
};

/// Keys of the passport items the form writes itself.
inline constexpr const char* kPassportCatalogueId = "catalogue_id";
inline constexpr const char* kPassportCatalogueVersion = "catalogue_version";
inline constexpr const char* kPassportGenerator = "generator";
/// The key of the reporting period («2024/2025 учебный год»).
inline constexpr const char* kPassportPeriod = "period";

// --- «Организации» ---------------------------------------------------------------

/// A column of the register.
struct RegisterColumn {
    enum class Kind { Code, Name, ShortName, Type, Flag };
    Kind kind;
    std::string key;             ///< code, name, short, type, or the flag id (data-file overrides use it)
    std::string label;           ///< the column head
    const Flag* flag = nullptr;  ///< for Flag
};

/// The register's rows of one organisation type: `slots` rows from `first_row`.
struct RegisterBlock {
    const OrganisationType* type = nullptr;
    std::size_t slots = 0;
    int first_row = 0;  ///< 0-based
};

// --- direction sheets --------------------------------------------------------------

/// A column of a direction table. Its header code is what the cell functions
/// look fields up by.
struct FormColumn {
    enum class Kind {
        Code,    ///< organisation code, from the register (formula)
        Name,    ///< its short name (formula)
        Type,    ///< ОО / ДОО / УО (formula)
        Flags,   ///< ШНОР; ШФНСУ (formula)
        Input,   ///< a field of this direction: typed by the user
        Linked,  ///< a field of another direction this one's indicators need (formula)
    };
    Kind kind;
    std::string code;              ///< header code: code, name, type, flags or a field id
    const Field* field = nullptr;  ///< for Input and Linked
};

/// A row of a direction table: a slot of the register, or the municipality.
struct FormRow {
    std::string type;        ///< an organisation type id of the catalogue
    std::size_t slot = 0;    ///< row of the type's register block (0-based); 0 for the municipality
    bool municipal = false;  ///< the municipality's own row
};

struct DirectionSheet {
    const Direction* direction = nullptr;
    std::string sheet;       ///< «5.1.1 Подготовка обучающихся»
    std::string range_name;  ///< the named range of the table, e.g. tbl_5_1_1
    std::vector<FormColumn> columns;
    std::vector<FormRow> rows;
    /// The kinds of rows the table has, whatever the register's slots: one
    /// per organisation type its fields concern (slot 0), the municipal row last.
    std::vector<FormRow> row_kinds;

    static constexpr int kTitleRow = 0, kHeaderRow = 2, kCodeRow = 3;  ///< 0-based
    /// The column of kTotalRowLabel in the totals row.
    static constexpr int kTotalLabelColumn = 1;
    /// Code, name, type and flags come first; fields from this column on.
    static constexpr int kFixedColumns = 4;
    int first_row() const { return kCodeRow + 1; }
    int last_row() const { return kCodeRow + static_cast<int>(rows.size()); }
    int total_row() const { return last_row() + 1; }
    // The indicator block: to the right of the table, one column apart, on
    // the table's rows — each organisation's indicators beside its figures,
    // under their titles in the header row (which stays in view with the
    // fields' titles), the municipality's in the totals row.
    int block_title_row() const { return kTitleRow + 1; }
    int block_header_row() const { return kHeaderRow; }
    int block_first_row() const { return first_row(); }  ///< a row per table row, then the municipal row (total_row())
    /// Indicator k of the block is in column block_first_column() + k.
    int block_first_column() const { return static_cast<int>(columns.size()) + 1; }
    /// Column of a header code, or -1.
    int column_of(const std::string& code) const;
    /// Row of a register slot of `type` (any slot for the municipal level), or -1 when the table has none.
    int row_of(const std::string& type, std::size_t slot) const;
    /// The municipality's row, or -1.
    int municipal_row() const;
    /// What the cell of column `column` holds in a row of organisation type
    /// `type` (the municipal row when `municipal`): the one answer the
    /// writer, the check and the glue share.
    CellRole role(std::size_t column, const std::string& type, bool municipal) const;
    CellRole role(std::size_t column, const FormRow& row) const { return role(column, row.type, row.municipal); }
    /// Can a cell of the column be computed (hold a formula of the form) in
    /// a row of any kind the table has? Independent of the register's slots.
    bool may_compute(std::size_t column) const;
};

/// The fixed heads of a direction table (and of its indicator block): «Код», «Организация», «Тип», «Признаки».
const char* direction_fixed_head(int column);

// --- «Показатели» --------------------------------------------------------------------

/// The columns of «Показатели».
struct IndicatorsColumns {
    static constexpr int kId = 0, kDirection = 1, kTitle = 2, kUnit = 3, kValue = 4, kLastYear = 5, kDynamics = 6,
                         kDocument = 7, kDate = 8, kLink = 9;
    static constexpr int kCount = 10;
    static constexpr int kTitleRow = 0, kHeaderRow = 2, kFirstRow = 3;  ///< 0-based
    /// The column head.
    static const char* head(int column);
};

/// A row of «Показатели»: one indicator, as the form writes it.
struct IndicatorRow {
    enum class Evidence {
        None,   ///< not a municipal flag: no documents
        Typed,  ///< documents typed here
        Shown,  ///< the fields of the direction's municipal row, shown here by formulas
    };
    const Indicator* indicator = nullptr;
    int row = 0;  ///< 0-based
    /// A yes/no of each organisation counted for the municipality («число ОО с «да»»).
    bool counted_flag = false;
    /// A municipal yes/no: no last year, no dynamics.
    bool yes_no = false;
    Evidence evidence = Evidence::None;
    /// For Shown: the document, date and link fields of the direction (null: none of that kind).
    const Field* evidence_fields[3] = {nullptr, nullptr, nullptr};
    std::string unit;  ///< the text of the unit column

    /// What the cell of `column` (IndicatorsColumns) holds.
    CellRole role(int column) const;
};

// --- «Процедуры оценки» ------------------------------------------------------------------

/// The municipal assessment procedures in use: one row per procedure, under
/// one header row. The object of a procedure is a direction of the catalogue,
/// shown (and chosen from a list) as its sheet's name, «5.1.1 Подготовка
/// обучающихся»; its level is one of procedure_levels().
struct ProceduresColumns {
    static constexpr int kNumber = 0, kName = 1, kObject = 2, kLevel = 3, kMethod = 4, kFrequency = 5,
                         kParticipants = 6, kConductedBy = 7, kDocument = 8, kDate = 9, kUse = 10;
    static constexpr int kCount = 11;
    static constexpr int kTitleRow = 0, kHeaderRow = 2, kFirstRow = 3;  ///< 0-based
    /// The column head («Наименование процедуры»).
    static const char* head(int column);
    /// The key of the column in data files and packages (name, direction, level, method,
    /// frequency, participants, conducted_by, document, document_date, use); "" for «№».
    static const char* key(int column);
    /// Must a row holding anything fill the column? (name, object, level, who carries it out, document)
    static bool required(int column);
};

/// The rows of «Процедуры оценки» a form has when its data ask for no more.
inline constexpr std::size_t kDefaultProcedureRows = 30;
/// The most rows a data file may ask for.
inline constexpr std::size_t kMaxProcedureRows = 1000;

/// «муниципальный», «институциональный»: the levels a procedure may have.
const std::vector<std::string>& procedure_levels();
/// The frequencies offered in the list of «Периодичность» (any other text is
/// accepted too): ежегодно, раз в полгода, ежеквартально, ежемесячно, по графику…
const std::vector<std::string>& procedure_frequencies();
/// The text of a direction in the column «Объект оценки»: its sheet's name.
std::string procedure_object_text(const Direction& direction);
/// The direction an «Объект оценки» text names: its leading id («5.1.1 …»,
/// «5.1.1»), or its short title or title (letter case, ё/е and spaces aside);
/// null when it names none.
const Direction* procedure_object_direction(const Catalogue& catalogue, const std::string& text);

/// The sheet as the form writes it: `rows` rows from ProceduresColumns::kFirstRow.
struct ProceduresLayout {
    std::size_t rows = kDefaultProcedureRows;
    int first_row() const { return ProceduresColumns::kFirstRow; }
    int last_row() const { return ProceduresColumns::kFirstRow + static_cast<int>(rows) - 1; }
};

// --- the whole form ------------------------------------------------------------------

struct FormLayout {
    PassportLayout passport;
    std::vector<RegisterColumn> register_columns;
    std::vector<RegisterBlock> register_blocks;  ///< the register's types in the catalogue's order
    std::vector<DirectionSheet> directions;
    std::vector<IndicatorRow> indicators;
    /// The row of «Показатели» above the first indicator of a supplementary
    /// direction (not part of the implemented document), which says so; -1: none.
    int supplementary_heading_row = -1;
    std::string municipal_type;  ///< the id of the catalogue's municipal level
    ProceduresLayout procedures;

    static constexpr int kRegisterHeaderRow = 2;   ///< 0-based row of the register's heads
    static constexpr int kRegisterFirstRow = 3;    ///< 0-based row of the first register slot
    static constexpr int kIndicatorsFirstRow = 3;  ///< 0-based row of the first indicator on «Показатели»

    const DirectionSheet* sheet_of(const std::string& direction) const;
    /// Row of a type's register slot; for a type without a block, where it would begin.
    int register_row(const std::string& type, std::size_t slot) const;
    /// The last row of the register (the row above the first one when it has no slot).
    int register_last_row() const;
    /// The register's slots of a type (0 for an unknown one).
    std::size_t register_slots(const std::string& type) const;
    /// Column of a register column key (code, name, short, type, a flag id), or -1.
    int register_column(const std::string& key) const;
    /// The register's flag column of a flag id, or -1.
    int flag_column(const std::string& flag) const;
    /// The row of an indicator on «Показатели», or -1.
    const IndicatorRow* indicator_row(const std::string& indicator) const;
    /// The header codes of direction columns any of whose cells may be
    /// computed: where a formula typed over is looked for. Independent of
    /// the register's slots (a layout of 0 slots gives the same).
    std::set<std::string> computed_codes() const;
    /// The columns of «Показатели» any of whose cells is computed (value,
    /// dynamics, documents shown from a direction sheet), in order.
    std::vector<int> indicator_computed_columns() const;
};

/// The layout for a register of `slots[type]` rows per organisation type
/// (a type not named has none) and `procedure_rows` rows of «Процедуры оценки».
FormLayout form_layout(const Catalogue& catalogue, const std::map<std::string, std::size_t>& slots,
                       std::size_t procedure_rows = kDefaultProcedureRows);

/// "A1"-style address (0-based row and column), e.g. cell_address(3, 0) == "A4".
std::string cell_address(int row, int column);
/// Column letters of a 0-based column: 0 → A, 26 → AA.
std::string column_letters(int column);

/// Where a sheet of the form freezes its panes: rows above `row` and columns
/// left of `column` stay in view. The view of a document is not data: the
/// office applies these after it opens a form (flat ODF view settings carry
/// them too).
struct SheetPane {
    std::string sheet;
    int column = 0, row = 0;
};
std::vector<SheetPane> form_panes(const Catalogue& catalogue);

}  // namespace msoko
