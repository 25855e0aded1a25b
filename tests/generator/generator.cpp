// SPDX-License-Identifier: MPL-2.0
#include "generator.hpp"

#include "figures.hpp"
#include "names.hpp"

#include "msoko/form.hpp"
#include "msoko/form_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace msoko::gen {

namespace {

std::string two_digits(std::size_t n) {
    char out[16];
    std::snprintf(out, sizeof out, "%02zu", n % 100);
    return out;
}

/// A school's or kindergarten's names, by its type and number in the municipality.
void name_organisation(RegisterEntry& e, const OrganisationType& type, std::size_t j, std::size_t centre,
                       const MunicipalityName& m, Random& random) {
    if (type.id == "school") {
        const bool in_centre = j < centre;
        const std::size_t v = j - (in_centre ? 0 : centre);
        const std::string place = in_centre ? m.feminine : village(v);
        const std::string number = in_centre ? " № " + std::to_string(j + 1)
                                   : v >= 30 ? " № " + std::to_string(v / 30 + 1)
                                             : "";
        const bool basic = !in_centre && random.chance(0.3);
        e.name = "Муниципальное бюджетное общеобразовательное учреждение «" + place +
                 (basic ? " основная" : " средняя") + " общеобразовательная школа" + number + "»";
        e.short_name = "МБОУ «" + place + (basic ? " ООШ" : " СОШ") + number + "»";
    } else if (type.id == "kindergarten") {
        const std::string n = "Детский сад № " + std::to_string(j + 1) + " «" + kindergarten_name(j) + "»";
        e.name = "Муниципальное бюджетное дошкольное образовательное учреждение «" + n + "»";
        e.short_name = "МБДОУ «" + n + "»";
    } else {
        e.name = type.title + " № " + std::to_string(j + 1) + " (" + m.name + ")";
        e.short_name = type.short_title + " № " + std::to_string(j + 1);
    }
}

/// Last year's value of an indicator: near this year's.
double last_year(const Indicator& i, double now, Random& random) {
    if (i.unit == "%") {
        const double v = std::clamp(now + random.uniform(-4, 4), 0.0, 100.0);
        return std::round(v * 10) / 10;
    }
    const double v = now * random.uniform(0.9, 1.1);
    return now == std::floor(now) ? std::round(v) : std::round(v * 10) / 10;
}

bool is_number(const Cell& c) {
    return c.kind() == Cell::Kind::Number;
}

/// A few deliberate mistakes in different organisations of the form.
std::vector<Mistake> make_mistakes(const Catalogue& c, FormData& d, Random& random) {
    std::vector<Mistake> out;
    if (d.organisations.empty())
        return out;
    const std::size_t n = d.organisations.size();
    const std::size_t first = random.range(0, n - 1);
    const auto org = [&](std::size_t k) -> RegisterEntry& { return d.organisations[(first + k) % n]; };
    // A part bigger than its whole.
    for (std::size_t k = 0; k < n && out.empty(); ++k) {
        RegisterEntry& e = org(k);
        auto& row = d.values[e.code];
        for (const Rule& r : c.rules) {
            if (r.kind != Rule::Kind::PartWhole || r.level != Rule::Level::Error || !row.count(r.fields[0]) ||
                !row.count(r.fields[1]) || !is_number(row[r.fields[1]]) || row[r.fields[1]].number() < 2)
                continue;
            const double whole = row[r.fields[1]].number();
            const double part = whole + static_cast<double>(random.range(1, 3));
            row[r.fields[0]] = Cell::number(part);
            out.push_back({"part_whole", e.code, r.fields[0],
                           e.short_name + ": " + r.fields[0] + " = " + std::to_string(static_cast<long>(part)) +
                               " больше целого " + r.fields[1] + " = " + std::to_string(static_cast<long>(whole))});
            break;
        }
    }
    // Text in a number cell, and an empty required cell, in the next organisations.
    for (std::size_t k = 1; k <= 2 && n > 0; ++k) {
        RegisterEntry& e = org(k % n);
        auto& row = d.values[e.code];
        std::vector<std::string> candidates;
        for (const Field& f : c.fields)
            if (f.concerns(e.type) && f.type == FieldType::Count && f.required && row.count(f.id) &&
                is_number(row[f.id]) && row[f.id].number() > 0)
                candidates.push_back(f.id);
        if (candidates.empty())
            continue;
        const std::string field = candidates[random.range(0, candidates.size() - 1)];
        if (k == 1) {
            const std::string text = std::to_string(static_cast<long>(row[field].number())) + " чел.";
            row[field] = Cell::text(text);
            out.push_back({"text_in_number", e.code, field, e.short_name + ": «" + text + "» в поле " + field});
        } else {
            row.erase(field);
            out.push_back({"empty_required", e.code, field, e.short_name + ": пустое обязательное поле " + field});
        }
    }
    return out;
}

/// The reference form's typical row of each type: field → mean figure over its rows of the type.
struct Typical {
    std::map<std::string, std::map<std::string, double>> of;  ///< type → field → mean
    std::map<std::string, std::size_t> rows;                  ///< type → its rows in the reference
};

Typical typical_rows(const Catalogue& c, const FormData* reference) {
    Typical t;
    if (!reference)
        return t;
    std::map<std::string, std::map<std::string, std::pair<double, std::size_t>>> sums;
    const auto add = [&](const std::string& type, const std::map<std::string, Cell>& row) {
        ++t.rows[type];
        for (const auto& [field, cell] : row)
            if (cell.kind() == Cell::Kind::Number) {
                auto& s = sums[type][field];
                s.first += cell.number();
                ++s.second;
            }
    };
    for (const auto& e : reference->organisations)
        if (const auto it = reference->values.find(e.code); it != reference->values.end())
            add(e.type, it->second);
    if (const auto it = reference->values.find(kMunicipalityCode); it != reference->values.end())
        add(c.municipal_type().id, it->second);
    for (const auto& [type, fields] : sums)
        for (const auto& [field, s] : fields)
            t.of[type][field] = s.first / static_cast<double>(s.second);
    return t;
}

// A procedure's name as another municipality might write it: «5 кл.» for «5-х классов», a small letter
// first, without «Муниципальный».
std::string respelt(std::string name, Random& random) {
    const auto replace = [&](const std::string& from, const std::string& to) {
        if (const auto at = name.find(from); at != std::string::npos)
            name.replace(at, from.size(), to);
    };
    if (random.chance(0.3))
        for (const char* grade : {"5", "6", "7", "8", "9", "10", "11", "4"})
            replace(std::string(" ") + grade + "-х классов", std::string(" ") + grade + " кл.");
    if (random.chance(0.25))
        replace("Муниципальный ", "");
    else if (random.chance(0.3))
        replace("Муниципальный", "муниципальный");
    return name;
}

GeneratedForm make_form(const Catalogue& c, const GeneratorOptions& o, const Typical& typical, std::size_t k,
                        Random& random, bool with_mistakes) {
    const MunicipalityName m = municipality_name(o.first_name + k);
    const Period period = parse_period(o.period);
    GeneratedForm g;
    g.file_name = m.name;
    FormData& d = g.data;
    d.passport["municipality"] = m.name;
    d.passport["region"] = o.region;
    d.passport["period"] = o.period;
    d.passport["responsible"] = person(random);
    d.passport["position"] = std::string(random.chance(0.5) ? "заместитель начальника" : "главный специалист") +
                             " Управления образования администрации " + m.genitive;
    d.passport["phone"] = "+7 (999) 555-" + two_digits(random.range(0, 99)) + "-" + two_digits(random.range(0, 99));
    d.passport["email"] = "monitoring@uo-" + m.latin + ".example.ru";
    d.passport["date"] = std::to_string(period.second) + "-06-" + two_digits(random.range(16, 30));

    const auto types = c.register_types();
    for (std::size_t t = 0; t < types.size(); ++t) {
        const OrganisationType& type = *types[t];
        const std::size_t n = type.id == "school"         ? random.range(o.min_schools, o.max_schools)
                              : type.id == "kindergarten" ? random.range(o.min_kindergartens, o.max_kindergartens)
                                                          : random.range(o.min_others, o.max_others);
        d.rows[type.plural] = n;
        d.passport[PassportLayout::count_key(type)] = std::to_string(n);
        const std::size_t centre = std::max<std::size_t>(1, std::min<std::size_t>(3, n / 4));
        for (std::size_t j = 0; j < n; ++j) {
            RegisterEntry e;
            e.code = std::to_string(100 + (o.first_name + k) % 900) + std::to_string(t + 1) + two_digits(j + 1);
            e.type = type.id;
            name_organisation(e, type, j, centre, m, random);
            for (const Flag& f : c.flags)
                if (f.concerns(type.id) && random.chance(0.12))
                    e.flags.push_back(f.id);
            // Many small organisations, a few big ones.
            const double u = random.uniform();
            RowRequest request{type.id, 0.02 + 0.28 * u * u, period, m.latin, {}};
            if (const auto it = typical.of.find(type.id); it != typical.of.end()) {
                request.typical = &it->second;
                request.relative = 0.3 + 1.7 * u * u;
            }
            d.values[e.code] = row_figures(c, request, random);
            d.organisations.push_back(std::move(e));
        }
    }

    // The municipality's own row: its figures cover the register (covers_register).
    const OrganisationType& municipal = c.municipal_type();
    RowRequest request{
        municipal.id, std::min(0.9, 0.05 + 0.01 * static_cast<double>(d.organisations.size())), period, m.latin, {}};
    if (const auto it = typical.of.find(municipal.id); it != typical.of.end()) {
        // As many organisations as the reference's: a municipality as big.
        std::size_t reference_organisations = 0;
        for (const auto& [type, n] : typical.rows)
            reference_organisations += type == municipal.id ? 0 : n;
        request.typical = &it->second;
        request.relative = reference_organisations ? static_cast<double>(d.organisations.size()) /
                                                         static_cast<double>(reference_organisations)
                                                   : 1.0;
    }
    for (const Rule& r : c.rules) {
        if (r.kind != Rule::Kind::CoversRegister)
            continue;
        double need = 0;
        if (r.fields.size() == 1) {
            for (const auto& e : d.organisations)
                need += std::find(r.org_types.begin(), r.org_types.end(), e.type) != r.org_types.end() ? 1 : 0;
            need += static_cast<double>(random.range(0, 2));
        } else {
            for (const auto& e : d.organisations)
                for (std::size_t i = 1; i < r.fields.size(); ++i)
                    if (auto it = d.values[e.code].find(r.fields[i]);
                        it != d.values[e.code].end() && is_number(it->second))
                        need += it->second.number();
            need = std::ceil(need * random.uniform(1.0, 1.15));
        }
        request.at_least[r.fields[0]] = std::max(request.at_least[r.fields[0]], need);
    }
    d.values[kMunicipalityCode] = row_figures(c, request, random);

    // Last year's municipal values, near this year's; a municipal yes/no has none.
    std::map<std::string, std::size_t> slots;
    for (const OrganisationType* t : types)
        slots[t->id] = d.register_rows(t->plural);
    const FormLayout layout = form_layout(c, slots);
    const std::vector<FormIndicator> now = form_indicators(c, form_workbook(c, d));
    for (const IndicatorRow& row : layout.indicators) {
        const auto it =
            std::find_if(now.begin(), now.end(), [&](const FormIndicator& f) { return f.indicator == row.indicator; });
        if (it == now.end() || !it->value.result.has_value())
            continue;
        if (row.evidence == IndicatorRow::Evidence::Typed && it->value.result.value() == 1)
            d.evidence[row.indicator->id] = {"№ " + std::to_string(random.range(12, 1480)), date_in(period, random),
                                             "https://uo-" + m.latin + ".example.ru/documents/" +
                                                 std::to_string(period.first) + "/prikaz-" +
                                                 std::to_string(random.range(10, 999)) + ".pdf"};
        if (!row.yes_no)
            d.previous[row.indicator->id] = last_year(*row.indicator, it->value.result.value(), random);
    }
    // Its assessment procedures («Процедуры оценки»): some of the reference's, each named the way this
    // municipality writes it and approved by its own order — what the region's bank groups back together.
    if (o.reference)
        for (const ProcedureEntry& p : o.reference->procedures) {
            if (!random.chance(0.6))
                continue;
            ProcedureEntry q = p;
            q.name = respelt(p.name, random);
            q.document = "Приказ УО № " + std::to_string(random.range(5, 240)) + "-од";
            q.document_date = date_in(period, random);
            d.procedures.push_back(std::move(q));
        }
    if (with_mistakes)
        g.mistakes = make_mistakes(c, d, random);
    return g;
}

}  // namespace

std::vector<GeneratedForm> generate(const Catalogue& catalogue, const GeneratorOptions& o) {
    if (o.min_schools > o.max_schools || o.min_kindergartens > o.max_kindergartens || o.min_others > o.max_others)
        throw std::invalid_argument("наименьшее число организаций больше наибольшего / a minimum above its maximum");
    if (o.max_schools > kMaxRegisterRows || o.max_kindergartens > kMaxRegisterRows || o.max_others > kMaxRegisterRows)
        throw std::invalid_argument("слишком много организаций одного типа / too many organisations of one type");
    if (o.first_name + o.count > municipality_names())
        throw std::invalid_argument("генератор может назвать не больше " + std::to_string(municipality_names()) +
                                    " муниципалитетов / it can name at most " + std::to_string(municipality_names()));
    if (o.mistakes > o.count)
        throw std::invalid_argument("форм с ошибками больше, чем форм / more forms with mistakes than forms");
    const Typical typical = typical_rows(catalogue, o.reference);
    Random master(o.seed);
    std::vector<GeneratedForm> out;
    out.reserve(o.count);
    for (std::size_t k = 0; k < o.count; ++k) {
        // Each form from its own stream: a form does not change when the count does.
        Random random(master.next());
        // Spread evenly: form k has mistakes when ⌊(k+1)·m/n⌋ > ⌊k·m/n⌋.
        const bool with_mistakes = (k + 1) * o.mistakes / o.count > k * o.mistakes / o.count;
        out.push_back(make_form(catalogue, o, typical, k, random, with_mistakes));
    }
    return out;
}

std::vector<FormData> generate_forms(const Catalogue& catalogue, const GeneratorOptions& options) {
    std::vector<FormData> out;
    for (auto& g : generate(catalogue, options))
        out.push_back(std::move(g.data));
    return out;
}

}  // namespace msoko::gen
