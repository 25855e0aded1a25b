// SPDX-License-Identifier: MPL-2.0
#include "msoko/form_layout.hpp"

#include "msoko/text.hpp"

#include <algorithm>

namespace msoko {

std::string column_letters(int column) {
    std::string s;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
    return s;
}

std::string cell_address(int row, int column) {
    return column_letters(column) + std::to_string(row + 1);
}

std::string direction_sheet_name(const Direction& direction) {
    return direction.id + " " + direction.short_title;
}

std::vector<std::string> form_sheet_names(const Catalogue& catalogue) {
    std::vector<std::string> names{kPassportSheet, kRegisterSheet};
    for (const auto& d : catalogue.directions)
        names.push_back(direction_sheet_name(d));
    names.push_back(kIndicatorsSheet);
    names.push_back(kProceduresSheet);
    return names;
}

// ---------------------------------------------------------------------------
// «Паспорт»

const PassportItem* PassportLayout::item(const std::string& key) const {
    for (const auto& i : items)
        if (i.key == key)
            return &i;
    return nullptr;
}

int PassportLayout::row(const std::string& key) const {
    const PassportItem* i = item(key);
    return i ? i->row : -1;
}

std::string PassportLayout::count_key(const OrganisationType& type) {
    return type.plural + "_expected";
}

namespace {

// The items every passport has, the catalogue's counts between them.
struct Typed {
    const char* key;
    const char* label;
    FieldType type;
    bool required;
    const char* one_of;
};
constexpr Typed kTypedItems[] = {{"municipality", "Муниципальное образование", FieldType::Text, true, ""},
                                 {"region", "Субъект Российской Федерации", FieldType::Text, true, ""},
                                 {"period", "Отчётный период", FieldType::Text, true, ""},
                                 {"responsible", "Ответственный за заполнение (ФИО)", FieldType::Text, true, ""},
                                 {"position", "Должность", FieldType::Text, false, ""},
                                 {"phone", "Телефон", FieldType::Text, false, "contact"},
                                 {"email", "Электронная почта", FieldType::Text, false, "contact"},
                                 {"date", "Дата заполнения", FieldType::Date, true, ""}};
constexpr std::pair<const char*, const char*> kFixedItems[] = {{kPassportCatalogueId, "Каталог показателей"},
                                                               {kPassportCatalogueVersion, "Версия каталога"},
                                                               {kPassportGenerator, "Форма создана программой"}};

constexpr std::pair<const char*, const char*> kStampItems[] = {{kStampPreparedAt, "Подготовлено к отправке"},
                                                               {kStampExtensionVersion, "Версия расширения"},
                                                               {kStampCatalogue, "Каталог"},
                                                               {kStampCheckSummary, "Результат проверки"}};

}  // namespace

const StampItem* PassportStamp::item(const std::string& key) const {
    for (const auto& i : items)
        if (i.key == key)
            return &i;
    return nullptr;
}

PassportStamp PassportStamp::below(int last_item_row) {
    PassportStamp stamp;
    stamp.heading_row = last_item_row + PassportLayout::kHintBelowLastItem + 2;  // one empty row under the hint
    int row = stamp.heading_row + 1;
    for (const auto& [key, label] : kStampItems)
        stamp.items.push_back({key, label, row++});
    return stamp;
}

int PassportStamp::last_row() const {
    return items.empty() ? heading_row : items.back().row;
}

PassportStamp PassportStamp::moved_to(int row) const {
    PassportStamp moved = *this;
    for (auto& i : moved.items)
        i.row += row - heading_row;
    moved.heading_row = row;
    return moved;
}

bool PassportStamp::is_stamp_label(const std::string& label) {
    const std::string t = trim(label);
    if (t == kHeading)
        return true;
    for (const auto& stamp_item : kStampItems)
        if (t == stamp_item.second)
            return true;
    return false;
}

const char* PassportLayout::label_of(const std::string& key) {
    for (const auto& t : kTypedItems)
        if (key == t.key)
            return t.label;
    for (const auto& [k, label] : kFixedItems)
        if (key == k)
            return label;
    return nullptr;
}

namespace {

PassportLayout passport_layout(const Catalogue& c) {
    PassportLayout p;
    int row = PassportLayout::kHeaderRow + 1;
    for (const auto& t : kTypedItems)
        p.items.push_back({t.key, t.label, row++, t.type, t.required, t.one_of, CellRole::Typed, "",
                           std::string("passport_") + t.key});
    for (const OrganisationType* type : c.register_types()) {
        const std::string key = PassportLayout::count_key(*type);
        p.items.push_back({key, type->count_title + " (" + type->short_title + ")", row++, FieldType::Count, true, "",
                           CellRole::Typed, type->id, "passport_" + key});
    }
    for (const auto& [key, label] : kFixedItems)
        p.items.push_back(
            {key, label, row++, FieldType::Text, false, "", CellRole::Fixed, "", std::string("msoko_") + key});
    p.hint_row = row - 1 + PassportLayout::kHintBelowLastItem;
    p.stamp = PassportStamp::below(row - 1);
    return p;
}

// ---------------------------------------------------------------------------
// «Организации»

std::vector<RegisterColumn> register_columns(const Catalogue& c) {
    std::vector<RegisterColumn> columns = {{RegisterColumn::Kind::Code, "code", "Код", nullptr},
                                           {RegisterColumn::Kind::Name, "name", "Полное наименование", nullptr},
                                           {RegisterColumn::Kind::ShortName, "short", "Краткое наименование", nullptr},
                                           {RegisterColumn::Kind::Type, "type", "Тип", nullptr}};
    for (const auto& f : c.flags)
        columns.push_back({RegisterColumn::Kind::Flag, f.id, f.short_title, &f});
    return columns;
}

std::string range_name_of(const std::string& direction) {
    std::string name = "tbl_" + direction;
    for (char& ch : name)
        if (ch == '.')
            ch = '_';
    return name;
}

}  // namespace

// ---------------------------------------------------------------------------
// Direction sheets

const char* direction_fixed_head(int column) {
    static const char* const heads[] = {"Код", "Организация", "Тип", "Признаки"};
    return column >= 0 && column < DirectionSheet::kFixedColumns ? heads[column] : "";
}

int DirectionSheet::column_of(const std::string& code) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].code == code)
            return static_cast<int>(i);
    return -1;
}

int DirectionSheet::row_of(const std::string& type, std::size_t slot) const {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].type == type && (rows[i].municipal || rows[i].slot == slot))
            return first_row() + static_cast<int>(i);
    return -1;
}

int DirectionSheet::municipal_row() const {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].municipal)
            return first_row() + static_cast<int>(i);
    return -1;
}

CellRole DirectionSheet::role(std::size_t column, const std::string& type, bool municipal) const {
    if (column >= columns.size())
        return CellRole::NotApplicable;
    const FormColumn& fc = columns[column];
    switch (fc.kind) {
        case FormColumn::Kind::Code:
        case FormColumn::Kind::Name:
        case FormColumn::Kind::Type:
        case FormColumn::Kind::Flags:
            // From the register for organisations; the municipality's row is written as text.
            return municipal ? CellRole::Fixed : CellRole::Computed;
        case FormColumn::Kind::Input:
            return fc.field->concerns(type) ? CellRole::Typed : CellRole::NotApplicable;
        case FormColumn::Kind::Linked:
            return fc.field->concerns(type) ? CellRole::Computed : CellRole::NotApplicable;
    }
    return CellRole::NotApplicable;
}

bool DirectionSheet::may_compute(std::size_t column) const {
    return std::any_of(row_kinds.begin(), row_kinds.end(),
                       [&](const FormRow& row) { return role(column, row) == CellRole::Computed; });
}

// ---------------------------------------------------------------------------
// «Показатели»

const char* IndicatorsColumns::head(int column) {
    static const char* const heads[] = {
        "Код",         "Направление", "Показатель", "Ед.",  "Значение по муниципалитету",
        "Прошлый год", "Динамика",    "Документ",   "Дата", "Ссылка"};
    return column >= 0 && column < kCount ? heads[column] : "";
}

CellRole IndicatorRow::role(int column) const {
    switch (column) {
        case IndicatorsColumns::kId:
        case IndicatorsColumns::kDirection:
        case IndicatorsColumns::kTitle:
        case IndicatorsColumns::kUnit:
            return CellRole::Fixed;
        case IndicatorsColumns::kValue:
            return CellRole::Computed;
        case IndicatorsColumns::kLastYear:
            return yes_no ? CellRole::NotApplicable : CellRole::Typed;
        case IndicatorsColumns::kDynamics:
            return yes_no ? CellRole::NotApplicable : CellRole::Computed;
        case IndicatorsColumns::kDocument:
        case IndicatorsColumns::kDate:
        case IndicatorsColumns::kLink:
            switch (evidence) {
                case Evidence::None:
                    return CellRole::NotApplicable;
                case Evidence::Typed:
                    return CellRole::Typed;
                case Evidence::Shown:
                    return evidence_fields[column - IndicatorsColumns::kDocument] ? CellRole::Computed
                                                                                  : CellRole::NotApplicable;
            }
    }
    return CellRole::NotApplicable;
}

// ---------------------------------------------------------------------------
// «Процедуры оценки»

const char* ProceduresColumns::head(int column) {
    static const char* const heads[] = {"№",
                                        "Наименование процедуры",
                                        "Объект оценки (направление МСОКО)",
                                        "Уровень",
                                        "Форма (метод) оценки",
                                        "Периодичность",
                                        "Участники",
                                        "Кто проводит",
                                        "Утверждающий документ (вид и номер)",
                                        "Дата документа",
                                        "Использование результатов"};
    return column >= 0 && column < kCount ? heads[column] : "";
}

const char* ProceduresColumns::key(int column) {
    static const char* const keys[] = {"",         "name",          "direction",    "level",
                                       "method",   "frequency",     "participants", "conducted_by",
                                       "document", "document_date", "use"};
    return column >= 0 && column < kCount ? keys[column] : "";
}

bool ProceduresColumns::required(int column) {
    return column == kName || column == kObject || column == kLevel || column == kConductedBy || column == kDocument;
}

const std::vector<std::string>& procedure_levels() {
    static const std::vector<std::string> levels = {"муниципальный", "институциональный"};
    return levels;
}

const std::vector<std::string>& procedure_frequencies() {
    static const std::vector<std::string> frequencies = {
        "ежегодно", "раз в полгода", "ежеквартально", "ежемесячно", "раз в два года", "по графику", "по запросу"};
    return frequencies;
}

std::string procedure_object_text(const Direction& direction) {
    return direction_sheet_name(direction);
}

namespace {

// Folded, ё as е, runs of spaces as one: how a typed object is compared.
std::string object_key(const std::string& text) {
    std::string folded = fold(text), out;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (folded.compare(i, 2, "ё") == 0) {
            out += "е";
            ++i;
        } else if (folded[i] == ' ' || folded[i] == '\t') {
            if (!out.empty() && out.back() != ' ')
                out += ' ';
        } else {
            out += folded[i];
        }
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

}  // namespace

const Direction* procedure_object_direction(const Catalogue& catalogue, const std::string& text) {
    const std::string t = trim(text);
    if (t.empty())
        return nullptr;
    // Its leading id: «5.1.1 Подготовка обучающихся», «5.1.1», «5.1.1. Подготовка…».
    std::string id = t.substr(0, t.find(' '));
    while (!id.empty() && id.back() == '.')
        id.pop_back();
    for (const auto& d : catalogue.directions)
        if (d.id == id)
            return &d;
    const std::string key = object_key(t);
    for (const auto& d : catalogue.directions)
        if (key == object_key(d.short_title) || key == object_key(d.title) ||
            key == object_key(direction_sheet_name(d)))
            return &d;
    return nullptr;
}

namespace {

std::vector<IndicatorRow> indicator_rows(const Catalogue& c, FormLayout& layout) {
    // Evidence fields the catalogue already asks for: shown, not typed twice.
    std::map<std::string, std::vector<std::string>> evidence_of;
    for (const auto& rule : c.rules)
        if (rule.kind == Rule::Kind::RequiresEvidence)
            evidence_of[rule.fields[0]] = std::vector<std::string>(rule.fields.begin() + 1, rule.fields.end());
    const std::string& municipal = layout.municipal_type;
    std::vector<IndicatorRow> rows;
    int r = IndicatorsColumns::kFirstRow;
    for (const auto& ind : c.indicators) {
        IndicatorRow row;
        row.indicator = &ind;
        // The supplementary directions come after a heading row of their own.
        if (c.direction(ind.direction)->supplementary && layout.supplementary_heading_row < 0)
            layout.supplementary_heading_row = r++;
        row.row = r++;
        // A yes/no of each organisation is, for the municipality, the number answering «да».
        row.counted_flag =
            ind.compute.kind == Computation::Kind::Flag && !ind.concerns(municipal) && ind.unit == "да/нет";
        row.yes_no = ind.unit == "да/нет" && !row.counted_flag;
        row.unit = ind.unit;
        if (row.counted_flag) {
            std::string shorts;
            for (const auto& t : ind.org_types)
                shorts += (shorts.empty() ? "" : ", ") + c.organisation_type(t)->short_title;
            row.unit = "число " + shorts + " с «да»";
        }
        const bool flag = ind.compute.kind == Computation::Kind::Flag && row.yes_no && ind.concerns(municipal);
        const auto ev = flag ? evidence_of.find(ind.compute.fields.front()) : evidence_of.end();
        if (flag && ev != evidence_of.end()) {
            // The documents are fields of the direction's municipal row: shown here.
            row.evidence = IndicatorRow::Evidence::Shown;
            const DirectionSheet& ds = *layout.sheet_of(ind.direction);
            for (std::size_t k = 0; k < 3; ++k) {
                const FieldType want = k == 0 ? FieldType::Text : k == 1 ? FieldType::Date : FieldType::Link;
                const Field* ef = nullptr;
                for (const auto& id : ev->second)
                    if (const Field* f = c.field(id); f->type == want && !ef)
                        ef = f;
                if (ef && ds.municipal_row() >= 0 && ds.column_of(ef->id) >= 0)
                    row.evidence_fields[k] = ef;
            }
        } else if (flag) {
            row.evidence = IndicatorRow::Evidence::Typed;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

// ---------------------------------------------------------------------------
// The whole form

const DirectionSheet* FormLayout::sheet_of(const std::string& direction) const {
    for (const auto& d : directions)
        if (d.direction->id == direction)
            return &d;
    return nullptr;
}

int FormLayout::register_row(const std::string& type, std::size_t slot) const {
    for (const auto& b : register_blocks)
        if (b.type->id == type)
            return b.first_row + static_cast<int>(slot);
    return -1;
}

int FormLayout::register_last_row() const {
    int last = kRegisterFirstRow - 1;
    for (const auto& b : register_blocks)
        last = std::max(last, b.first_row + static_cast<int>(b.slots) - 1);
    return last;
}

std::size_t FormLayout::register_slots(const std::string& type) const {
    for (const auto& b : register_blocks)
        if (b.type->id == type)
            return b.slots;
    return 0;
}

int FormLayout::register_column(const std::string& key) const {
    for (std::size_t i = 0; i < register_columns.size(); ++i)
        if (register_columns[i].key == key)
            return static_cast<int>(i);
    return -1;
}

int FormLayout::flag_column(const std::string& flag) const {
    for (std::size_t i = 0; i < register_columns.size(); ++i)
        if (register_columns[i].kind == RegisterColumn::Kind::Flag && register_columns[i].key == flag)
            return static_cast<int>(i);
    return -1;
}

const IndicatorRow* FormLayout::indicator_row(const std::string& indicator) const {
    for (const auto& r : indicators)
        if (r.indicator->id == indicator)
            return &r;
    return nullptr;
}

std::set<std::string> FormLayout::computed_codes() const {
    std::set<std::string> codes;
    for (const auto& ds : directions)
        for (std::size_t i = 0; i < ds.columns.size(); ++i)
            if (ds.may_compute(i))
                codes.insert(ds.columns[i].code);
    return codes;
}

std::vector<int> FormLayout::indicator_computed_columns() const {
    std::vector<int> columns;
    for (int col = 0; col < IndicatorsColumns::kCount; ++col)
        if (std::any_of(indicators.begin(), indicators.end(),
                        [&](const IndicatorRow& r) { return r.role(col) == CellRole::Computed; }))
            columns.push_back(col);
    return columns;
}

FormLayout form_layout(const Catalogue& c, const std::map<std::string, std::size_t>& slots,
                       std::size_t procedure_rows) {
    FormLayout layout;
    layout.procedures.rows = procedure_rows;
    layout.municipal_type = c.municipal_type().id;
    layout.passport = passport_layout(c);
    layout.register_columns = register_columns(c);
    int row = FormLayout::kRegisterFirstRow;
    for (const OrganisationType* type : c.register_types()) {
        const auto it = slots.find(type->id);
        const std::size_t n = it == slots.end() ? 0 : it->second;
        layout.register_blocks.push_back({type, n, row});
        row += static_cast<int>(n);
    }

    for (const auto& d : c.directions) {
        DirectionSheet s;
        s.direction = &d;
        s.sheet = direction_sheet_name(d);
        s.range_name = range_name_of(d.id);
        s.columns = {{FormColumn::Kind::Code, "code", nullptr},
                     {FormColumn::Kind::Name, "name", nullptr},
                     {FormColumn::Kind::Type, "type", nullptr},
                     {FormColumn::Kind::Flags, "flags", nullptr}};
        std::set<std::string> types;
        for (const auto& id : d.fields) {
            const Field* f = c.field(id);
            s.columns.push_back({FormColumn::Kind::Input, id, f});
            types.insert(f->org_types.begin(), f->org_types.end());
        }
        // Fields of other directions that this direction's indicators read.
        for (const auto& ind : d.indicators)
            for (const auto& id : c.indicator(ind)->compute.inputs())
                if (s.column_of(id) < 0) {
                    const Field* f = c.field(id);
                    s.columns.push_back({FormColumn::Kind::Linked, id, f});
                    types.insert(f->org_types.begin(), f->org_types.end());
                }
        for (const auto& block : layout.register_blocks)
            if (types.count(block.type->id)) {
                s.row_kinds.push_back({block.type->id, 0, false});
                for (std::size_t i = 0; i < block.slots; ++i)
                    s.rows.push_back({block.type->id, i, false});
            }
        if (types.count(layout.municipal_type)) {
            s.row_kinds.push_back({layout.municipal_type, 0, true});
            s.rows.push_back({layout.municipal_type, 0, true});
        }
        layout.directions.push_back(std::move(s));
    }
    layout.indicators = indicator_rows(c, layout);
    return layout;
}

std::vector<SheetPane> form_panes(const Catalogue& catalogue) {
    std::vector<SheetPane> panes = {{kRegisterSheet, 1, FormLayout::kRegisterFirstRow}};
    for (const auto& d : catalogue.directions)
        panes.push_back({direction_sheet_name(d), 2, DirectionSheet::kCodeRow + 1});
    panes.push_back({kIndicatorsSheet, 3, FormLayout::kIndicatorsFirstRow});
    panes.push_back({kProceduresSheet, 2, ProceduresColumns::kFirstRow});
    return panes;
}

}  // namespace msoko
