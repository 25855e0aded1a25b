// SPDX-License-Identifier: MPL-2.0
#include "msoko/catalogue_doc.hpp"

#include "msoko/text.hpp"

#include <algorithm>
#include <sstream>

namespace msoko {

namespace {

// Markdown table cells must not contain | or line breaks.
std::string cell(std::string s) {
    for (std::size_t pos = s.find('|'); pos != std::string::npos; pos = s.find('|', pos + 2))
        s.replace(pos, 1, "\\|");
    for (char& c : s)
        if (c == '\n')
            c = ' ';
    return s;
}

std::string number(double v) {
    std::ostringstream o;
    o << v;
    return o.str();
}

std::string field_ref(const Catalogue& c, const std::string& id) {
    const Field* f = c.field(id);
    return f ? "«" + f->title + "» (`" + id + "`)" : "`" + id + "`";
}

std::string sum_of(const Catalogue& c, const std::vector<std::string>& ids) {
    std::vector<std::string> parts;
    for (const auto& id : ids)
        parts.push_back(field_ref(c, id));
    return parts.size() == 1 ? parts.front() : "сумма: " + join(parts, " + ");
}

std::string types(const Catalogue& c, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (const auto& id : ids) {
        const OrganisationType* t = c.organisation_type(id);
        out.push_back(t ? t->short_title : id);
    }
    return join(out);
}

std::string formula(const Catalogue& c, const Indicator& ind) {
    const Computation& k = ind.compute;
    switch (k.kind) {
        case Computation::Kind::Ratio:
            if (k.multiplier == 100.0)
                return "100 × " + sum_of(c, k.numerator) + " / " + sum_of(c, k.denominator) +
                       "; муниципалитет: сумма числителей / сумма знаменателей";
            return (k.multiplier == 1.0 ? "" : number(k.multiplier) + " × ") + sum_of(c, k.numerator) + " / " +
                   sum_of(c, k.denominator) + "; муниципалитет: отношение сумм";
        case Computation::Kind::Count:
            return "значение поля " + field_ref(c, k.fields.front()) + "; муниципалитет: сумма по организациям";
        case Computation::Kind::Sum:
            return sum_of(c, k.fields) + "; муниципалитет: сумма по организациям";
        case Computation::Kind::Flag:
            return "да/нет по полю " + field_ref(c, k.fields.front()) +
                   (ind.org_types.size() == 1 && ind.org_types.front() == c.municipal_type().id
                        ? ""
                        : "; муниципалитет: число организаций с ответом «да»");
        case Computation::Kind::OrganisationShare:
            return "да/нет по полю " + field_ref(c, k.fields.front()) +
                   "; муниципалитет: 100 × число организаций с «да» / число ответивших";
        case Computation::Kind::BandShare: {
            std::vector<std::string> bands;
            for (const auto& b : k.bands)
                bands.push_back("от " + number(b.from) + ": " + field_ref(c, b.field));
            if (k.from)
                return "100 × сумма участников в диапазонах от " + number(*k.from) + " / " + sum_of(c, k.denominator) +
                       "; диапазоны: " + join(bands, "; ");
            return "100 × сумма участников в диапазонах от выбранного порога (по умолчанию от " +
                   number(k.bands.front().from) + ") / " + sum_of(c, k.denominator) +
                   "; диапазоны: " + join(bands, "; ");
        }
    }
    return {};
}

// « (предупреждение)» for a rule whose breach is a warning.
std::string level_text(const Rule& r) {
    return r.level == Rule::Level::Warning ? " (предупреждение)" : "";
}

std::string rule_text(const Catalogue& c, const Rule& r) {
    switch (r.kind) {
        case Rule::Kind::PartWhole:
            return field_ref(c, r.fields[0]) + " ≤ " + field_ref(c, r.fields[1]) +
                   (!r.derived                                         ? ""
                    : r.source.find("/breakdown") != std::string::npos ? " (из разреза поля)"
                                                                       : " (из формулы показателя)") +
                   level_text(r);
        case Rule::Kind::SumEquals: {
            std::vector<std::string> parts(r.fields.begin(), r.fields.end() - 1);
            std::vector<std::string> refs;
            for (const auto& p : parts)
                refs.push_back(field_ref(c, p));
            return join(refs, " + ") + " = " + field_ref(c, r.fields.back()) + (r.derived ? " (из разреза поля)" : "") +
                   level_text(r);
        }
        case Rule::Kind::SameValue: {
            std::vector<std::string> refs;
            for (const auto& f : r.fields) {
                const Field* field = c.field(f);
                refs.push_back(field_ref(c, f) + (field ? " [" + field->direction + "]" : ""));
            }
            return "одно и то же число: " + join(refs, " = ") + level_text(r);
        }
        case Rule::Kind::RequiresEvidence: {
            std::vector<std::string> refs;
            for (std::size_t i = 1; i < r.fields.size(); ++i)
                refs.push_back(field_ref(c, r.fields[i]));
            return "ответ «да» в поле " + field_ref(c, r.fields[0]) + " требует заполнить: " + join(refs) +
                   level_text(r);
        }
        case Rule::Kind::SumWithin: {
            std::vector<std::string> parts, whole;
            for (std::size_t i = 0; i < r.fields.size(); ++i)
                (i < r.parts ? parts : whole).push_back(field_ref(c, r.fields[i]));
            return join(parts, " + ") + " ≤ " + join(whole, " + ") + level_text(r);
        }
        case Rule::Kind::Implies: {
            const auto condition = [&](std::size_t i) {
                const Rule::Condition& k = r.conditions[i];
                return field_ref(c, r.fields[i]) +
                       (k.is ? std::string(" = «") + (*k.is ? "да" : "нет") + "»" : " > " + number(*k.above));
            };
            return "если " + condition(0) + ", то " + condition(1) + level_text(r);
        }
        case Rule::Kind::CoversRegister: {
            std::vector<std::string> summed;
            for (std::size_t i = 1; i < r.fields.size(); ++i)
                summed.push_back(field_ref(c, r.fields[i]));
            return field_ref(c, r.fields[0]) + " муниципального уровня ≥ " +
                   (summed.empty()
                        ? "число организаций в реестре (" + types(c, r.org_types) + ")"
                        : "сумма " + join(summed, " + ") + " по организациям (" + types(c, r.org_types) + ")") +
                   level_text(r);
        }
    }
    return {};
}

// Which change is better, in a table cell.
const char* better_text(Better b) {
    switch (b) {
        case Better::Higher:
            return "выше";
        case Better::Lower:
            return "ниже";
        case Better::Neither:
            return "—";
        case Better::Unspecified:
            break;
    }
    return "";
}

}  // namespace

std::string indicators_markdown(const Catalogue& c) {
    std::ostringstream o;
    o << "<!-- Generated from the catalogue " << c.info.id << " " << c.info.version
      << " by `msoko catalogue doc`; do not edit by hand. -->\n\n";
    o << "# " << c.info.title << "\n\n";
    o << "Каталог `" << c.info.id << "`, версия " << c.info.version << ". Источник: " << c.source << ".\n\n";
    const auto n_variants = static_cast<std::size_t>(
        std::count_if(c.indicators.begin(), c.indicators.end(), [](const Indicator& i) { return i.is_variant(); }));
    const std::size_t n_indicators = c.indicators.size() - n_variants;
    o << "Направлений: " << c.directions.size() << ", показателей: " << n_indicators;
    if (n_variants)
        o << " (и " << n_variants << " значений «в т. ч.»: пороги и разрезы)";
    o << ", полей первичных данных: " << c.fields.size() << ", правил: " << c.rules.size() << ".\n\n";
    o << "Типы организаций: ";
    std::vector<std::string> t;
    for (const auto& ot : c.organisation_types)
        t.push_back(ot.short_title + " — " + ot.title + " (`" + ot.id + "`)");
    o << join(t, "; ") << ".\n\n";
    if (!c.sources.empty()) {
        std::vector<std::string> src;
        for (const auto& ds : c.sources)
            src.push_back(ds.title + " (`" + ds.id + "`)");
        o << "Источники данных (у каждого поля — один из них): " << join(src, "; ") << ".\n\n";
    }
    o << "Группа показателя: результативный, контекстный (§ 2.1 приказа) или процессный (что делают Управление "
         "образования и организации). «Лучше»: какое изменение — улучшение (выше, ниже; «—» — ни то, ни другое); "
         "по нему проверка называет изменение за год улучшением или ухудшением.\n\n";
    if (!c.dimensions.empty()) {
        o << "Разрезы (поле с разрезом получает в форме поля по каждому члену разреза, показатель — значения по "
             "каждому члену рядом с итогом):\n\n";
        for (const auto& dim : c.dimensions) {
            std::vector<std::string> members;
            for (const auto& m : dim.members)
                members.push_back(m.title + " (`" + m.id + "`)");
            o << "- `" << dim.id << "` — " << dim.title << ": " << join(members, "; ") << ". "
              << (dim.additive ? "Сумма по членам равна итогу."
                               : "Члены могут пересекаться: каждый не больше итога, сумма не проверяется.")
              << "\n";
        }
        o << "\n";
    }

    o << "## Содержание\n\n";
    std::string group;
    for (const auto& d : c.directions) {
        if (d.group != group) {
            group = d.group;
            o << "- " << group << (d.supplementary ? " — дополнительные направления, сверх документа" : "") << "\n";
        }
        const auto headlines = std::count_if(d.indicators.begin(), d.indicators.end(),
                                             [&](const std::string& id) { return !c.indicator(id)->is_variant(); });
        o << "  - [" << d.id << ". " << d.title << "](#direction-" << d.id << ") — " << headlines << " показ.";
        if (const auto variants = d.indicators.size() - static_cast<std::size_t>(headlines))
            o << " и " << variants << " в т. ч.";
        o << "\n";
    }
    o << "\n";

    for (const auto& d : c.directions) {
        o << "<a id=\"direction-" << d.id << "\"></a>\n\n## " << d.id << ". " << d.title << "\n\n";
        o << d.group << ". Источник: " << d.source << ".";
        if (!d.note.empty())
            o << " " << d.note;
        if (d.supplementary)
            o << "\n\n*Дополнительное направление: его показатели — сверх документа, по которому составлена форма.*";
        o << "\n\n### Показатели\n\n";
        o << "| № | Показатель | Ед. | Для кого | Группа | Лучше | Как считается | Примечание |\n"
             "|---|---|---|---|---|---|---|---|\n";
        for (const auto& id : d.indicators) {
            const Indicator& ind = *c.indicator(id);
            // A variant: under its headline, by its label («в т. ч. …»).
            std::string heading = ind.is_variant() ? "↳ " + ind.label : ind.title;
            if (ind.is_variant() && ind.member.empty() &&
                ind.title != c.indicator(ind.variant_of)->title + " — " + ind.label)
                heading += " — " + ind.title;
            if (!ind.breakdown.empty())
                heading += " (разрез: " + c.dimension(ind.breakdown)->title + ")";
            if (!ind.scope_flags.empty() && !ind.is_variant()) {
                std::vector<std::string> flags;
                for (const auto& f : ind.scope_flags)
                    for (const auto& flag : c.flags)
                        if (flag.id == f)
                            flags.push_back(flag.short_title);
                heading += " (только " + join(flags) + ")";
            }
            if (!ind.duplicate_of.empty())
                heading += " — повтор показателя " + ind.duplicate_of;
            o << "| " << ind.id << " | " << cell(heading) << " | " << cell(ind.unit) << " | " << types(c, ind.org_types)
              << " | " << msoko::title(ind.role) << " | " << better_text(ind.better) << " | " << cell(formula(c, ind))
              << " | " << cell(ind.note) << " |\n";
        }
        if (!d.fields.empty()) {
            o << "\n### Поля первичных данных\n\n";
            o << "| Код | Поле | Тип | Ед. | Диапазон | Обязательно | Заполняет | Источник |\n"
                 "|---|---|---|---|---|---|---|---|\n";
            for (const auto& id : d.fields) {
                const Field& f = *c.field(id);
                std::string range;
                if (f.min || f.max)
                    range =
                        (f.min ? number(*f.min) : std::string("…")) + "–" + (f.max ? number(*f.max) : std::string("…"));
                o << "| `" << f.id << "` | " << cell(f.title + (f.note.empty() ? "" : ". *" + f.note + "*")) << " | "
                  << to_string(f.type) << " | " << cell(f.unit) << " | " << range << " | "
                  << (f.required ? "да" : "нет") << " | " << f.filled_by << " | " << cell(c.source_title(f)) << " |\n";
            }
        }
        bool header = false;
        for (const auto& r : c.rules) {
            if (r.direction != d.id)
                continue;
            if (!header) {
                o << "\n### Правила\n\n";
                header = true;
            }
            o << "- " << rule_text(c, r) << "\n";
        }
        o << "\n";
    }
    return o.str();
}

}  // namespace msoko
