// SPDX-License-Identifier: MPL-2.0
#include "msoko/engine.hpp"

#include "msoko/share.hpp"
#include "msoko/sum.hpp"
#include "msoko/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace msoko {

FieldValue read_field(const Field& field, const Cell& cell) {
    switch (cell.kind()) {
        case Cell::Kind::Empty:
            return FieldValue::empty();
        case Cell::Kind::Error:
            return FieldValue::invalid("в ячейке ошибка");
        case Cell::Kind::Text:
        case Cell::Kind::Number:
            break;
    }
    switch (field.type) {
        case FieldType::Count:
        case FieldType::Number: {
            if (cell.kind() == Cell::Kind::Text)
                return FieldValue::invalid("текст вместо числа");
            const double v = cell.number();
            if (!std::isfinite(v))
                return FieldValue::invalid("не число");
            if (field.type == FieldType::Count && v < 0)
                return FieldValue::invalid("отрицательное количество");
            if (field.type == FieldType::Count && v != std::floor(v))
                return FieldValue::invalid("дробное число там, где нужно целое количество");
            if ((field.min && v < *field.min) || (field.max && v > *field.max))
                return FieldValue::invalid("вне допустимого диапазона [" +
                                           (field.min ? format_number(*field.min) : std::string("…")) + "; " +
                                           (field.max ? format_number(*field.max) : std::string("…")) + "]");
            return FieldValue::of(v);
        }
        case FieldType::YesNo: {
            if (cell.kind() == Cell::Kind::Number) {
                if (cell.number() == 1)
                    return FieldValue::of(1);
                if (cell.number() == 0)
                    return FieldValue::of(0);
                return FieldValue::invalid("ожидается «да» или «нет»");
            }
            const std::string a = fold(cell.text());
            if (a == "да" || a == "yes")
                return FieldValue::of(1);
            if (a == "нет" || a == "no")
                return FieldValue::of(0);
            if (a.empty())
                return FieldValue::empty();
            return FieldValue::invalid("ожидается «да» или «нет»");
        }
        case FieldType::Date:
        case FieldType::Text:
        case FieldType::Link:
            return FieldValue::of(1);
    }
    return FieldValue::invalid("неизвестный тип поля");
}

// The figures of one organisation for one indicator: Σ of the numerator-side
// fields and Σ of the denominator-side fields, or why there are none.
struct Engine::Figures {
    enum class Status { Complete, Missing, Invalid } status = Status::Complete;
    double numerator = 0;
    double denominator = 0;
    std::vector<std::string> missing;
    std::string reason;
};

IndicatorResult Engine::compute(const Indicator& ind, const Organisation& org, std::optional<double> threshold) const {
    IndicatorResult out;
    const Computation& c = ind.compute;

    if (!ind.concerns(org.type)) {
        const OrganisationType* t = catalogue_.organisation_type(org.type);
        out.result = Result::not_applicable("показатель " + ind.id + " не относится к типу «" +
                                            (t ? t->short_title : org.type) + "»");
        return out;
    }
    if (!ind.scope_flags.empty() &&
        std::none_of(ind.scope_flags.begin(), ind.scope_flags.end(), [&](const auto& f) { return org.has_flag(f); })) {
        std::vector<std::string> names;
        for (const auto& f : ind.scope_flags)
            for (const auto& flag : catalogue_.flags)
                if (flag.id == f)
                    names.push_back(flag.short_title);
        out.result = Result::not_applicable("показатель " + ind.id + " считается только для " + join(names));
        return out;
    }

    // Which fields feed the numerator side and which the denominator side.
    std::vector<std::string> num_fields = c.kind == Computation::Kind::Ratio ? c.numerator : c.fields;
    std::vector<std::string> den_fields = c.denominator;
    if (c.kind == Computation::Kind::BandShare) {
        const double from = threshold.value_or(c.from.value_or(c.bands.front().from));
        num_fields.clear();
        bool exists = false;
        for (const auto& b : c.bands) {
            exists = exists || b.from == from;
            if (b.from >= from)
                num_fields.push_back(b.field);
        }
        if (!exists) {
            std::vector<std::string> froms;
            for (const auto& b : c.bands)
                froms.push_back(format_number(b.from));
            out.result = Result::invalid("у показателя " + ind.id + " нет порога " + format_number(from) +
                                         "; пороги: " + join(froms));
            return out;
        }
    } else if (threshold) {
        out.result = Result::invalid("порог задаётся только для показателей с диапазонами баллов");
        return out;
    }

    Figures f;
    CompensatedSum num, den;
    auto read = [&](const std::vector<std::string>& ids, CompensatedSum& sum) {
        for (const auto& id : ids) {
            const Field& field = *catalogue_.field(id);  // the loader checked every reference
            const FieldValue v = read_field(field, workbook_.value(org.code, id));
            if (v.status == FieldValue::Status::Invalid && f.status != Figures::Status::Invalid) {
                f.status = Figures::Status::Invalid;
                f.reason = "организация " + org.code + ", поле «" + field.title + "» (" + id + "): " + v.reason;
            } else if (v.status == FieldValue::Status::Empty) {
                f.missing.push_back(id);
            } else {
                sum.add(v.value);
            }
        }
    };
    read(num_fields, num);
    read(den_fields, den);
    if (f.status != Figures::Status::Invalid && !f.missing.empty())
        f.status = Figures::Status::Missing;
    f.numerator = num.value();
    f.denominator = den.value();
    if (f.status != Figures::Status::Invalid && (!std::isfinite(f.numerator) || !std::isfinite(f.denominator))) {
        f.status = Figures::Status::Invalid;
        f.reason = "организация " + org.code + ": сумма полей слишком велика для числа";
    }

    out.missing_fields = f.missing;
    if (f.status == Figures::Status::Complete) {
        out.numerator = f.numerator;
        out.denominator = f.denominator;
    }
    switch (f.status) {
        case Figures::Status::Invalid:
            out.result = Result::invalid(f.reason);
            return out;
        case Figures::Status::Missing:
            out.result = Result::missing("организация " + org.code + ": не заполнены поля " + join(f.missing));
            return out;
        case Figures::Status::Complete:
            break;
    }
    switch (c.kind) {
        case Computation::Kind::Ratio:
        case Computation::Kind::BandShare: {
            const double multiplier = c.kind == Computation::Kind::Ratio ? c.multiplier : 100.0;
            if (multiplier == 100.0 && part_exceeds_whole(f.numerator, f.denominator)) {
                out.result = Result::invalid("организация " + org.code + ": часть (" + join(num_fields) +
                                             ") больше целого (" + join(den_fields) + ")");
                return out;
            }
            if (f.denominator == 0) {
                out.result = Result::not_applicable("организация " + org.code + ": знаменатель равен 0 (" +
                                                    join(den_fields) + "), некого считать");
                return out;
            }
            out.result = Result::of(scaled_ratio(multiplier, f.numerator, f.denominator));
            return out;
        }
        case Computation::Kind::Count:
        case Computation::Kind::Sum:
        case Computation::Kind::Flag:
        case Computation::Kind::OrganisationShare:
            out.result = Result::of(f.numerator);
            return out;
    }
    return out;
}

std::vector<const Organisation*> Engine::concerned(const Indicator& ind) const {
    std::vector<const Organisation*> out;
    const std::string& municipal = catalogue_.municipal_type().id;
    for (const auto& org : workbook_.organisations())
        if (org.type != municipal && ind.concerns(org.type))
            out.push_back(&org);
    return out;
}

IndicatorResult Engine::organisation(const std::string& indicator, const std::string& code,
                                     std::optional<double> threshold) const {
    IndicatorResult out;
    const Indicator* ind = catalogue_.indicator(indicator);
    if (!ind) {
        out.result = Result::invalid("в каталоге нет показателя " + indicator);
        return out;
    }
    const Organisation* org = workbook_.organisation(code);
    if (!org) {
        out.result = Result::invalid("в книге нет организации с кодом " + code);
        return out;
    }
    return compute(*ind, *org, threshold);
}

IndicatorResult Engine::municipality(const std::string& indicator, std::optional<double> threshold) const {
    IndicatorResult out;
    const Indicator* ind = catalogue_.indicator(indicator);
    if (!ind) {
        out.result = Result::invalid("в каталоге нет показателя " + indicator);
        return out;
    }
    const auto orgs = concerned(*ind);
    if (orgs.empty()) {
        // A municipal-level indicator: the municipality's own row answers it.
        if (const std::string& municipal = catalogue_.municipal_type().id; ind->concerns(municipal)) {
            for (const auto& org : workbook_.organisations())
                if (org.type == municipal)
                    return compute(*ind, org, threshold);
            out.result = Result::missing("в книге нет строки муниципалитета");
            return out;
        }
        out.result = Result::missing("в книге нет организаций, к которым относится показатель " + ind->id);
        return out;
    }

    const Computation& c = ind->compute;
    CompensatedSum num, den;
    std::string first_invalid;
    std::size_t in_scope = 0;
    for (const Organisation* org : orgs) {
        if (!ind->scope_flags.empty() && std::none_of(ind->scope_flags.begin(), ind->scope_flags.end(),
                                                      [&](const auto& f) { return org->has_flag(f); }))
            continue;
        ++in_scope;
        const IndicatorResult r = compute(*ind, *org, threshold);
        switch (r.result.status()) {
            case Result::Status::Invalid:
                if (first_invalid.empty())
                    first_invalid = r.result.reason();
                out.invalid.push_back(org->code);
                continue;
            case Result::Status::MissingData:
                out.left_out.push_back(org->code);
                continue;
            case Result::Status::NotApplicable:  // a zero denominator: in the sums with 0 of 0
            case Result::Status::Value:
                break;
        }
        out.included.push_back(org->code);
        // Re-read the organisation's raw figures: the municipal share is of sums.
        std::vector<std::string> num_fields = c.kind == Computation::Kind::Ratio ? c.numerator : c.fields;
        if (c.kind == Computation::Kind::BandShare) {
            num_fields.clear();
            const double from = threshold.value_or(c.from.value_or(c.bands.front().from));
            for (const auto& b : c.bands)
                if (b.from >= from)
                    num_fields.push_back(b.field);
        }
        for (const auto& id : num_fields)
            num.add(read_field(*catalogue_.field(id), workbook_.value(org->code, id)).value);
        for (const auto& id : c.denominator)
            den.add(read_field(*catalogue_.field(id), workbook_.value(org->code, id)).value);
        if (c.kind == Computation::Kind::OrganisationShare)
            den.add(1);
    }
    if (out.invalid.empty() && !out.included.empty()) {
        out.numerator = num.value();
        out.denominator = den.value();
    }
    if (out.invalid.empty() && (!std::isfinite(num.value()) || !std::isfinite(den.value()))) {
        out.numerator.reset();
        out.denominator.reset();
        out.result = Result::invalid("сумма по муниципалитету слишком велика для числа");
        return out;
    }
    if (!out.invalid.empty()) {
        out.result =
            Result::invalid("неверные данные в организациях " + join(out.invalid) + "; первая: " + first_invalid);
        return out;
    }
    if (in_scope == 0) {
        out.result = Result::not_applicable("в книге нет организаций, к которым относится показатель " + ind->id);
        return out;
    }
    if (out.included.empty()) {
        out.result = Result::missing("ни одна организация не заполнила данные для показателя " + ind->id);
        return out;
    }
    switch (c.kind) {
        case Computation::Kind::Ratio:
        case Computation::Kind::BandShare:
        case Computation::Kind::OrganisationShare: {
            const double multiplier = c.kind == Computation::Kind::Ratio ? c.multiplier : 100.0;
            if (den.value() == 0) {
                out.result = Result::not_applicable("по муниципалитету знаменатель равен 0, некого считать");
                return out;
            }
            out.result = Result::of(scaled_ratio(multiplier, num.value(), den.value()));
            return out;
        }
        case Computation::Kind::Count:
        case Computation::Kind::Sum:
        case Computation::Kind::Flag:  // organisations answering «да»
            out.result = Result::of(num.value());
            return out;
    }
    return out;
}

}  // namespace msoko
