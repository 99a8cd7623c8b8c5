#include "generators/decimal.hpp"

namespace dmf::gen {

void showValue(const Decimal& d, std::ostream& os) { os << d.text; }

// Drawn at RapidCheck's full size: inRange would otherwise scale the exponent's range with the
// case index, and the first cases of a run would all sit at 10^min_exp10 with short mantissas.
rc::Gen<Decimal> positive_decimal(int min_exp10, int max_exp10, int max_digits) {
    return rc::gen::resize(100, rc::gen::apply(
        [](int digits, long long mantissa_seed, int exp10) {
            // A mantissa with exactly `digits` significant digits: d.ddd...
            long long lo = 1;
            for (int i = 1; i < digits; ++i) lo *= 10;
            const long long span = lo * 9;
            const long long m = lo + (span > 0 ? mantissa_seed % span : 0);
            std::string s = std::to_string(m);
            std::string text = s.substr(0, 1);
            if (s.size() > 1) text += "." + s.substr(1);
            if (exp10 != 0) text += "e" + std::to_string(exp10);
            return Decimal{text};
        },
        rc::gen::inRange(1, max_digits + 1), rc::gen::inRange<long long>(0, 1'000'000'000'000'000LL),
        rc::gen::inRange(min_exp10, max_exp10 + 1)));
}

rc::Gen<Decimal> signed_decimal(int min_exp10, int max_exp10, int max_digits) {
    return rc::gen::weightedOneOf<Decimal>(
        {{1, rc::gen::just(Decimal{"0"})},
         {6, positive_decimal(min_exp10, max_exp10, max_digits)},
         {6, rc::gen::map(positive_decimal(min_exp10, max_exp10, max_digits),
                          [](Decimal d) { return Decimal{"-" + d.text}; })}});
}

}  // namespace dmf::gen
