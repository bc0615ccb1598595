# Peer for `chatbot bench --suite clustering`: scikit-learn TF-IDF (word 1-2 + char_wb 2-5,
# sublinear, L2-normalised union) + KMeans (k-means++, n_init 10) on a labelled CSV whose labels
# are hidden; ARI and NMI against them, as JSON lines like the bench's.
# Usage: $py scripts/bench/cluster_peer.py TEST.csv [label column, default category] [first N intents]
import csv, json, sys, time
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from sklearn.pipeline import make_union
from sklearn.preprocessing import normalize

path = sys.argv[1]
column = sys.argv[2] if len(sys.argv) > 2 else "category"
rows = list(csv.DictReader(open(path, encoding="utf-8")))
intents = sorted({r[column] for r in rows})
if len(sys.argv) > 3:
    intents = intents[: int(sys.argv[3])]
rows = [r for r in rows if r[column] in set(intents)]
texts, truth = [r["text"] for r in rows], [r[column] for r in rows]
k = len(intents)
prefix = f"clustering.peer.sklearn.intents{k}"

def emit(name, value, unit):
    print(json.dumps({"name": f"{prefix}.{name}", "value": value, "unit": unit}))

start = time.perf_counter()
features = make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                      TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True))
X = normalize(features.fit_transform(texts))
vectorise = time.perf_counter() - start
start = time.perf_counter()
labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(X)
seconds = time.perf_counter() - start + vectorise
emit("kmeans_tfidf.true_k.ari", adjusted_rand_score(truth, labels), "ARI")
emit("kmeans_tfidf.true_k.nmi", normalized_mutual_info_score(truth, labels), "NMI")
emit("kmeans_tfidf.true_k.seconds", seconds, "s")
