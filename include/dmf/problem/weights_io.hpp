// Reading someone else's weights: W_1..W_L from
//   our point JSON (instance_json.hpp);
//   a .npz as numpy.savez writes it (arrays W1..WL, or arr_0..arr_{L-1}; stored or deflated);
//   a directory of .npy files (W1.npy..WL.npy, or arr_0.npy..);
//   a .safetensors file (tensors W1..WL, or arr_0..; F64 or F32, little-endian).
// W_l has shape (d_l, d_{l-1}), as torch.nn.Linear's weight. float64 and float32 entries are
// converted exactly (precision >= 53 bits). The .npy format is parsed here (strictly; see weights_io.cpp), the zip
// container by libzip; safetensors (an 8-byte length, a JSON header, raw data) by hand, as no
// Debian library reads it. Every malformed input is an InputError naming the file and the array.
#pragma once

#include "dmf/problem/instance.hpp"

#include <string>

namespace dmf::inline problem {

Weights load_weights(const std::string& path, const Instance& inst, const Precision& p);

}  // namespace dmf::problem
