/**
 * Word lists for random container names (`adjective_surname`). Our own choice, not moby's lists: cheerful
 * adjectives and the surnames of scientists and engineers worth looking up. Lower-case ASCII letters only, so
 * every generated name passes the container-name pattern.
 */
export const ADJECTIVES: readonly string[] = [
  'agile', 'amiable', 'ardent', 'artful', 'astute', 'balmy', 'bashful', 'blithe', 'boring', 'bouncy', 'breezy',
  'bright', 'bubbly', 'buoyant', 'calm', 'candid', 'cheerful', 'chipper', 'cosmic', 'courtly', 'crisp', 'curious',
  'dapper', 'daring', 'deft', 'devoted', 'diligent', 'dizzy', 'doting', 'droll', 'dutiful', 'earnest', 'easygoing',
  'fearless', 'feisty', 'fluffy', 'fond', 'frank', 'frisky', 'gentle', 'giddy', 'gleeful', 'glowing', 'grateful',
  'gritty', 'hale', 'hearty', 'humble', 'idle', 'jaunty', 'jazzy', 'jubilant', 'kindly', 'lively', 'lofty', 'loyal',
  'lucky', 'mellow', 'merry', 'mighty', 'mindful', 'nimble', 'noble', 'patient', 'peppy', 'perky', 'placid',
  'playful', 'plucky', 'polite', 'proud', 'prudent', 'punctual', 'quick', 'quiet', 'radiant', 'rapid', 'ready',
  'restless', 'rustic', 'sassy', 'savvy', 'serious', 'shiny', 'sincere', 'snappy', 'snug', 'sparkling', 'spirited',
  'spry', 'steady', 'sturdy', 'sunny', 'swift', 'tidy', 'tireless', 'tranquil', 'upright', 'valiant', 'vivid',
  'warm', 'wary', 'whimsical', 'witty', 'zesty',
];

export const SURNAMES: readonly string[] = [
  'abel', 'agnesi', 'alhazen', 'allen', 'ampere', 'archimedes', 'aryabhata', 'avogadro', 'babbage', 'backus',
  'bardeen', 'bell', 'bengio', 'bernoulli', 'bessel', 'bohr', 'boltzmann', 'boole', 'borg', 'bose', 'boyle', 'bragg',
  'brahe', 'brattain', 'bunsen', 'burnell', 'cajal', 'cannon', 'cantor', 'cardano', 'carson', 'carver', 'cauchy',
  'cavendish', 'celsius', 'cerf', 'chandrasekhar', 'chebyshev', 'church', 'clarke', 'conway', 'copernicus', 'cori',
  'coulomb', 'cray', 'crick', 'curie', 'dalton', 'darwin', 'davy', 'diffie', 'dijkstra', 'dirac', 'doppler',
  'easley', 'edison', 'einstein', 'engelbart', 'estrin', 'euclid', 'euler', 'fahrenheit', 'faraday', 'fermat',
  'fermi', 'feynman', 'fibonacci', 'fleming', 'florey', 'fourier', 'franklin', 'fresnel', 'galileo', 'galois',
  'galvani', 'gauss', 'gibbs', 'goldberg', 'goodall', 'gosling', 'gould', 'haber', 'hamilton', 'hamming', 'harvey',
  'hawking', 'heisenberg', 'hellman', 'hennessy', 'herschel', 'hertz', 'hilbert', 'hodgkin', 'hollerith', 'hooke',
  'hopper', 'hubble', 'huffman', 'humboldt', 'huygens', 'hypatia', 'jacobi', 'jemison', 'jenner', 'johnson', 'joule',
  'kahn', 'kay', 'kelvin', 'kepler', 'kernighan', 'kilby', 'kirchhoff', 'knuth', 'kolmogorov', 'kovalevskaya',
  'lagrange', 'lamarr', 'lamport', 'lampson', 'landau', 'laplace', 'lavoisier', 'leavitt', 'leibniz', 'lemaitre',
  'liskov', 'lister', 'lorentz', 'lovelace', 'lovell', 'lyell', 'mach', 'marconi', 'maxwell', 'mccarthy',
  'mcclintock', 'meitner', 'mendel', 'mendeleev', 'mercator', 'metcalfe', 'michelson', 'millikan', 'minsky',
  'mirzakhani', 'moore', 'morse', 'napier', 'nash', 'nernst', 'newton', 'nightingale', 'nobel', 'noether', 'noyce',
  'nyquist', 'ochoa', 'ohm', 'oppenheimer', 'pascal', 'pasteur', 'patterson', 'pauli', 'pauling', 'pavlov', 'peano',
  'perlman', 'pike', 'planck', 'poincare', 'postel', 'ptolemy', 'pythagoras', 'raman', 'ramanujan', 'rayleigh',
  'riemann', 'ritchie', 'rivest', 'roentgen', 'rutherford', 'sabin', 'sagan', 'salk', 'sammet', 'sanger',
  'schrodinger', 'shamir', 'shannon', 'shockley', 'shor', 'siemens', 'snell', 'somerville', 'stallman', 'stephenson',
  'stokes', 'stroustrup', 'sutherland', 'szilard', 'tanenbaum', 'tesla', 'thacker', 'thompson', 'thomson',
  'torvalds', 'turing', 'tyndall', 'ulam', 'vaughan', 'venn', 'vesalius', 'volta', 'wallace', 'watson', 'watt',
  'weierstrass', 'wiener', 'wilkes', 'wing', 'wirth', 'wozniak', 'wright', 'wu', 'yalow', 'yonath', 'yukawa',
  'zeeman', 'zuse', 'zwicky',
];
